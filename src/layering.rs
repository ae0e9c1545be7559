//! Keeps ARCHITECTURE.md's layering true: reads the sources of each
//! top-level module, collects the other modules it names (`crate::x`), and
//! fails on a cycle or on an import the map forbids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → the top-level modules its sources name.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if ["lib", "main", "layering"].contains(&name.as_str()) {
            continue;
        }
        let mut named = BTreeSet::new();
        for file in rust_files(&path) {
            let text = std::fs::read_to_string(&file).expect("source");
            for (i, _) in text.match_indices("crate::") {
                // `$crate::` in macros names this crate too.
                let rest = &text[i + "crate::".len()..];
                let module: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !module.is_empty() && module != name {
                    named.insert(module);
                }
            }
        }
        graph.insert(name, named);
    }
    graph
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// A chain of imports from `from` back to `from`, if there is one.
fn cycle_through(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("non-empty");
        for next in graph.get(last).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(from.to_owned());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 10, "the scan found the modules: {graph:?}");
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_through(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn lower_layers_name_nothing_above_them() {
    let graph = imports();
    // What each lower layer may name (ARCHITECTURE.md, "Bird's-eye view").
    let allowed: [(&str, &[&str]); 5] = [
        ("domain", &[]),
        ("db", &["domain"]),
        ("challenges", &["domain"]),
        ("harness", &["challenges", "domain"]),
        ("grading", &["challenges", "harness", "domain"]),
    ];
    for (module, may) in allowed {
        let names = graph
            .get(module)
            .unwrap_or_else(|| panic!("no module {module}"));
        let extra: Vec<&String> = names
            .iter()
            .filter(|n| !may.contains(&n.as_str()))
            .collect();
        assert!(
            extra.is_empty(),
            "{module} names {extra:?}; it may name only {may:?}"
        );
    }
    for (module, names) in &graph {
        if !["cli", "startup"].contains(&module.as_str()) {
            assert!(!names.contains("web"), "{module} names web");
        }
    }
}
