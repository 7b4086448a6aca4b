//! The benchmark's search queries timed on an existing store:
//! `cargo run -p coalition-core --example search_bench -- STORE.db [SAMPLES]`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: search_bench STORE.db [SAMPLES]")?;
    let samples = args.next().map(|s| s.parse()).transpose()?.unwrap_or(300);
    let store = coalition_core::Store::open(std::path::Path::new(&path))?;
    let report = coalition_core::bench::search_only(&store, samples)?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
