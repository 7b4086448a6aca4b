//! Publication-ready signatory lists: ordering, grouping and rendering to every format.
