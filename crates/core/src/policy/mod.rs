//! Policy-makers: people with an office (MEPs, Commission officials, Council and Permanent
//! Representation attachés, national ministers and officials), the Parliament's MEP list and
//! its sync, committees and dossiers.
