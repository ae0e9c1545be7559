//! The `[code]` table: mode, signature or class, comparator, limits,
//! languages, starters, solutions and declared constraints.

use super::*;

impl Reader<'_> {
    pub(super) fn code(&mut self, raw: &RawCode, manifest: &RawManifest) -> Option<CodeSpec> {
        let m = "challenge.toml";
        let mode = match raw.mode.as_str() {
            "function" => {
                let Some(text) = &raw.signature else {
                    self.field(
                        m,
                        "code.signature",
                        "function mode needs `signature = \"name(param: type, …) -> type\"`",
                    );
                    return None;
                };
                match Signature::parse(text) {
                    Ok(signature) if signature.returns == crate::challenges::types::Type::Void => {
                        self.field(m, "code.signature", "a function must return its answer (`-> type`); in-place changes cannot be checked");
                        return None;
                    }
                    Ok(signature) => CodeMode::Function { signature },
                    Err(e) => {
                        self.field(m, "code.signature", e);
                        return None;
                    }
                }
            }
            "class" => self.class_mode(raw)?,
            "stdio" => CodeMode::Stdio,
            other => {
                self.field(
                    m,
                    "code.mode",
                    format!("`{other}`: expected function, class or stdio"),
                );
                return None;
            }
        };
        let comparator = self.comparator(raw.comparator.as_ref(), &mode);
        let limits = self.limits(manifest);
        let checker = if comparator == Some(Comparator::Checker) {
            self.read("checker.py", MAX_SOURCE_BYTES)
        } else {
            None
        };
        let languages = self.languages(raw, &mode);
        let mut starters = BTreeMap::new();
        for file in self.sources("starter") {
            if !languages.contains(&file.language) {
                self.problem(
                    &file.path,
                    None,
                    format!("{} is not offered for this challenge", file.language),
                );
            }
            starters.insert(file.language, file.source);
        }
        for &language in &languages {
            starters
                .entry(language)
                .or_insert_with(|| self.support.starter(language, &mode));
        }
        let comparator = comparator?;
        let constraints = self.constraints(manifest, &mode);
        let validator = if self.dir.join("validator.py").is_file() {
            self.read("validator.py", MAX_SOURCE_BYTES)
        } else {
            None
        };
        let mut generate = Vec::new();
        let tests = self.tests(&mode, &comparator, &mut generate)?;
        for (i, test) in tests.iter().enumerate() {
            if let Err(e) =
                crate::challenges::constraints::check_input(&mode, &constraints, &test.input)
            {
                self.problem(
                    "tests.json",
                    Some(format!("test {} ({})", i + 1, test.name)),
                    format!("the input breaks the constraints: {e}"),
                );
            }
        }
        let solutions = self.sources("solutions");
        let wrong = self.sources("wrong");
        if solutions.is_empty() {
            self.problem(
                "solutions",
                None,
                "add at least one reference solution (solutions/<name>.<ext>)",
            );
        }
        for file in solutions.iter().chain(&wrong) {
            if !languages.contains(&file.language) {
                self.problem(
                    &file.path,
                    None,
                    format!("{} is not offered for this challenge", file.language),
                );
            }
        }
        Some(CodeSpec {
            mode,
            comparator,
            limits,
            languages,
            starters,
            tests,
            generate,
            solutions,
            wrong,
            checker,
            constraints,
            validator,
        })
    }

    /// `[constraints]`, each checked against the parameters it names.
    pub(super) fn constraints(
        &mut self,
        manifest: &RawManifest,
        mode: &CodeMode,
    ) -> Vec<Constraint> {
        let params: Vec<(Option<&str>, &str, &Type)> = match mode {
            CodeMode::Function { signature } => signature
                .params
                .iter()
                .map(|p| (None, p.name.as_str(), &p.ty))
                .collect(),
            CodeMode::Class { class } => class
                .constructor
                .iter()
                .map(|p| (Some(class.name.as_str()), p.name.as_str(), &p.ty))
                .chain(class.methods.iter().flat_map(|m| {
                    m.params
                        .iter()
                        .map(move |p| (Some(m.name.as_str()), p.name.as_str(), &p.ty))
                }))
                .collect(),
            CodeMode::Stdio => Vec::new(),
        };
        let class = matches!(mode, CodeMode::Class { .. });
        let mut out = Vec::new();
        for (key, bounds) in &manifest.constraints {
            if matches!(mode, CodeMode::Stdio) {
                self.field(
                    "challenge.toml",
                    &format!("constraints.{key}"),
                    "stdio programs read text: check their input with a validator.py instead",
                );
                continue;
            }
            let constraint = Constraint {
                key: key.clone(),
                bounds: bounds.clone(),
            };
            match crate::challenges::constraints::check_declaration(&constraint, &params, class) {
                Ok(()) => out.push(constraint),
                Err(e) => self.field("challenge.toml", &format!("constraints.{key}"), e),
            }
        }
        out
    }

    pub(super) fn class_mode(&mut self, raw: &RawCode) -> Option<CodeMode> {
        let m = "challenge.toml";
        let Some(name) = &raw.class else {
            self.field(m, "code.class", "class mode needs `class = \"ClassName\"`");
            return None;
        };
        if let Err(e) = check_class_name(name) {
            self.field(m, "code.class", e);
        }
        let constructor = match parse_constructor(raw.constructor.as_deref().unwrap_or("")) {
            Ok(params) => params,
            Err(e) => {
                self.field(m, "code.constructor", e);
                return None;
            }
        };
        if raw.methods.is_empty() {
            self.field(m, "code.methods", "class mode needs at least one method");
        }
        let mut methods: Vec<Signature> = Vec::new();
        for (i, text) in raw.methods.iter().enumerate() {
            match Signature::parse(text) {
                Ok(sig) if methods.iter().any(|s| s.name == sig.name) => {
                    self.field(
                        m,
                        &format!("code.methods[{i}]"),
                        format!("method `{}` appears twice", sig.name),
                    );
                }
                Ok(sig) => methods.push(sig),
                Err(e) => self.field(m, &format!("code.methods[{i}]"), e),
            }
        }
        Some(CodeMode::Class {
            class: ClassSpec {
                name: name.clone(),
                constructor,
                methods,
            },
        })
    }

    pub(super) fn comparator(
        &mut self,
        raw: Option<&toml::Value>,
        mode: &CodeMode,
    ) -> Option<Comparator> {
        let m = "challenge.toml";
        let (kind, table) = match raw {
            None => ("exact".to_owned(), None),
            Some(toml::Value::String(kind)) => (kind.clone(), None),
            Some(toml::Value::Table(table)) => match table.get("kind").and_then(|k| k.as_str()) {
                Some(kind) => (kind.to_owned(), Some(table)),
                None => {
                    self.field(m, "code.comparator", "a comparator table needs `kind`");
                    return None;
                }
            },
            Some(_) => {
                self.field(
                    m,
                    "code.comparator",
                    "expected a name or a table like { kind = \"float\", tolerance = 1e-6 }",
                );
                return None;
            }
        };
        let number = |key: &str| {
            table
                .and_then(|t| t.get(key))
                .and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)))
        };
        let stdio = matches!(mode, CodeMode::Stdio);
        let comparator = match kind.as_str() {
            "exact" => Comparator::Exact,
            "float" => {
                let tolerance = number("tolerance").unwrap_or(1e-6);
                if !(tolerance > 0.0 && tolerance < 1.0) {
                    self.field(
                        m,
                        "code.comparator.tolerance",
                        "tolerance must be between 0 and 1",
                    );
                }
                Comparator::Float { tolerance }
            }
            "unordered" if !stdio => {
                let depth = number("depth").unwrap_or(1.0);
                if !(1.0..=3.0).contains(&depth) || depth.fract() != 0.0 {
                    self.field(m, "code.comparator.depth", "depth is 1, 2 or 3");
                }
                Comparator::Unordered {
                    depth: depth as u32,
                }
            }
            "tokens" if stdio => Comparator::Tokens,
            "checker" => Comparator::Checker,
            other => {
                let known = if stdio {
                    "exact, tokens, float or checker"
                } else {
                    "exact, float, unordered or checker"
                };
                self.field(
                    m,
                    "code.comparator",
                    format!("`{other}`: expected {known} in {} mode", mode.as_str()),
                );
                return None;
            }
        };
        if let Some(table) = table {
            for key in table.keys() {
                if !["kind", "tolerance", "depth"].contains(&key.as_str()) {
                    self.field(m, "code.comparator", format!("unknown key `{key}`"));
                }
            }
        }
        Some(comparator)
    }

    pub(super) fn limits(&mut self, raw: &RawManifest) -> CodeLimits {
        let m = "challenge.toml";
        let time_ms = raw.limits.time_ms.unwrap_or(1000);
        if !(10..=20_000).contains(&time_ms) {
            self.field(
                m,
                "limits.time_ms",
                "the time limit is 10–20000 ms per test",
            );
        }
        let memory_mb = raw.limits.memory_mb.unwrap_or(256);
        if !(16..=512).contains(&memory_mb) {
            self.field(m, "limits.memory_mb", "the memory limit is 16–512 MiB");
        }
        let mut multipliers = BTreeMap::new();
        for (name, value) in &raw.limits.multipliers {
            match Language::parse(name) {
                Some(language) if (0.5..=50.0).contains(value) => {
                    multipliers.insert(language, *value);
                }
                Some(_) => self.field(
                    m,
                    &format!("limits.multipliers.{name}"),
                    "a multiplier is between 0.5 and 50",
                ),
                None => self.field(m, &format!("limits.multipliers.{name}"), "unknown language"),
            }
        }
        CodeLimits {
            time_ms,
            memory_mb,
            multipliers,
        }
    }

    pub(super) fn languages(&mut self, raw: &RawCode, mode: &CodeMode) -> Vec<Language> {
        let m = "challenge.toml";
        let offered: Vec<Language> = self
            .support
            .languages()
            .iter()
            .copied()
            .filter(|&l| self.support.unsupported(l, mode).is_none())
            .collect();
        let Some(names) = &raw.languages else {
            return offered;
        };
        let mut chosen = Vec::new();
        for name in names {
            match Language::parse(name) {
                Some(language) => match self.support.unsupported(language, mode) {
                    Some(reason) => {
                        self.field(m, "code.languages", format!("{language}: {reason}"))
                    }
                    None if !chosen.contains(&language) => chosen.push(language),
                    None => {}
                },
                None => self.field(m, "code.languages", format!("unknown language `{name}`")),
            }
        }
        if chosen.is_empty() {
            self.field(m, "code.languages", "offer at least one language");
        }
        chosen.sort();
        chosen
    }
}
