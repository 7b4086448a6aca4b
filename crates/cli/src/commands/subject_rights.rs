//! `coalition people sar PERSON_ID --out DIR` and `coalition people erase PERSON_ID [--yes]`:
//! a data subject's access export and erasure, the same as the app's person actions.

use std::path::PathBuf;

use clap::Args;
use coalition_core::subject_rights::{self, ErasureCategory, ErasurePreview};
use coalition_core::Store;

use crate::Failure;

#[derive(Args)]
pub(crate) struct SarArgs {
    /// The person's id.
    person_id: String,
    /// The folder to write `<name>-subject-access-<date>.json` and `.pdf` into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

#[derive(Args)]
pub(crate) struct EraseArgs {
    /// The person's id.
    person_id: String,
    /// Erase without asking; without it the preview is printed and nothing is erased.
    #[arg(long)]
    yes: bool,
}

pub(crate) fn sar(store: &Store, args: SarArgs) -> Result<(), Failure> {
    let paths = subject_rights::write_sar(store, &args.person_id, &args.out)?;
    for path in paths {
        println!("{}", path.display());
    }
    Ok(())
}

fn print_categories(title: &str, categories: &[ErasureCategory]) {
    if categories.is_empty() {
        return;
    }
    println!("{title}:");
    for c in categories {
        let examples = if c.examples.is_empty() { String::new() } else { format!(": {}", c.examples.join("; ")) };
        let more = if (c.count as usize) > c.examples.len() && !c.examples.is_empty() { " …" } else { "" };
        println!("  {} {}{examples}{more}", c.count, c.key.replace('_', " "));
    }
}

fn print_preview(preview: &ErasurePreview) {
    println!("Erasing {} ({})", preview.display_name, preview.person_id);
    print_categories("removed", &preview.removed);
    print_categories("kept, with the person taken out", &preview.anonymised);
    if !preview.mentions.is_empty() {
        println!("mentioned by name elsewhere (not changed; review them):");
        for mention in &preview.mentions {
            println!("  {mention}");
        }
    }
    println!("note: {}", preview.backups_note);
}

pub(crate) fn erase(store: &Store, args: EraseArgs) -> Result<(), Failure> {
    if !args.yes {
        let preview = subject_rights::erasure_preview(store, &args.person_id)?;
        print_preview(&preview);
        return Err(Failure::refused("nothing erased; re-run with --yes"));
    }
    let name = coalition_core::people::get(store, &args.person_id)?.display_name;
    let done = subject_rights::erase(store, &args.person_id, &name)?;
    print_preview(&done);
    println!(
        "erased {}; audit entry {} records it without personal data",
        done.person_id,
        done.tombstone_seq.map(|s| s.to_string()).unwrap_or_default()
    );
    Ok(())
}
