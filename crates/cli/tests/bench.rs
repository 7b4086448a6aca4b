//! `coalition bench` and `coalition synth` at process level. The bench's numbers are
//! checked for completeness and sanity only: speed is judged from full-scale runs, never here.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn coalition() -> Command {
    let mut cmd = Command::cargo_bin("coalition").unwrap();
    cmd.env_remove("COALITION_DB");
    cmd
}

fn positive(report: &Value, key: &str) -> f64 {
    let value = report[key].as_f64().unwrap_or_else(|| panic!("{key} is not a number: {}", report[key]));
    assert!(value.is_finite() && value > 0.0, "{key} = {value}");
    value
}

#[test]
fn a_small_bench_prints_complete_sane_json() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("bench.json");
    let out = coalition().args(["bench", "--scale", "small", "--out"]).arg(&out_file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(report, written, "--out writes the same JSON");
    // Progress goes to stderr, not into the JSON.
    assert!(String::from_utf8_lossy(&out.stderr).contains("import"));

    assert_eq!(report["scale"], "small");
    for key in [
        "raw_insert_rows_per_s",
        "import_rows_per_s",
        "import_ratio",
        "list_page_p50_ms",
        "list_page_p99_ms",
        "export_rows_per_s",
        "export_peak_rss_mb",
        "duplicate_scan_ms",
    ] {
        positive(&report, key);
    }
    assert!(positive(&report, "list_page_p50_ms") <= positive(&report, "list_page_p99_ms"));
    let ratio = report["import_ratio"].as_f64().unwrap();
    let expected = report["import_rows_per_s"].as_f64().unwrap() / report["raw_insert_rows_per_s"].as_f64().unwrap();
    assert!((ratio - expected).abs() < 0.01, "import_ratio {ratio} is not import ÷ raw ({expected})");
    // Search is measured, or says why not.
    match (&report["search_p50_ms"], &report["search_p99_ms"]) {
        (Value::Null, Value::Null) => assert!(report["search_note"].is_string()),
        _ => {
            assert!(positive(&report, "search_p50_ms") <= positive(&report, "search_p99_ms"));
        }
    }
    // The export streamed every interaction the run wrote.
    assert_eq!(report["export_rows"], report["sizes"]["interactions"]);
    assert!(report["duplicate_scan_100k_ms"].is_null() || report["duplicate_scan_100k_ms"].as_f64().is_some());
    // The machine.
    assert!(report["machine"]["cores"].as_u64().unwrap() >= 1);
    assert!(report["machine"].get("cpu_model").is_some());
    // Targets with a verdict each (null only when not measured).
    let targets = report["targets"].as_array().unwrap();
    let metrics: Vec<&str> = targets.iter().map(|t| t["metric"].as_str().unwrap()).collect();
    for metric in ["import_ratio", "list_page_p99_ms", "search_p99_ms", "export_peak_rss_mb", "duplicate_scan_ms"] {
        assert!(metrics.contains(&metric), "no target for {metric}");
    }
    for t in targets {
        assert!(t["pass"].is_boolean() || (t["pass"].is_null() && t["value"].is_null()), "{t}");
        assert!(t["target"].is_string());
    }
    assert!(report["all_targets_met"].is_boolean());
}

#[test]
fn synth_fills_a_store_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let db = dir.path().join(name);
        coalition()
            .arg("--db")
            .arg(&db)
            .args(["synth", "--orgs", "60", "--people", "300", "--interactions", "400", "--signatures", "50", "--seed", "11"])
            .assert()
            .success()
            .stdout(predicate::str::contains("created 60 organisations"))
            .stdout(predicate::str::contains("300 people"))
            .stdout(predicate::str::contains("400 interactions"))
            .stdout(predicate::str::contains("50 signatures"))
            .stderr(predicate::str::contains("people: 300/300"));
        let out = coalition().arg("--db").arg(&db).args(["people", "list", "--format", "json"]).output().unwrap();
        assert!(out.status.success());
        let people: Value = serde_json::from_slice(&out.stdout).unwrap();
        people
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!("{} {}", p["display_name"], p["country"]))
            .collect::<Vec<_>>()
    };
    let a = run("a.db");
    assert_eq!(a.len(), 300);
    assert_eq!(a, run("b.db"));
}

#[test]
fn synth_refuses_interactions_with_nobody_to_take_part() {
    let dir = tempfile::tempdir().unwrap();
    coalition()
        .arg("--db")
        .arg(dir.path().join("empty.db"))
        .args(["synth", "--interactions", "10"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("interactions"));
}

#[test]
fn bench_refuses_an_unknown_scale() {
    coalition().args(["bench", "--scale", "huge"]).assert().code(2);
}
