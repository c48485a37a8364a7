//! Reads Rust sources with `syn` and resolves every path they use (imports,
//! grouped or renamed; `super::` and `self::` paths; fully qualified paths in
//! expressions, types and macro arguments; names brought in by `use`) to an
//! absolute path: `crate::…` for this crate's items, `<crate>::…` for others.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use syn::visit::Visit;

/// One path a source file uses, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    /// The module the path appears in (`["core", "ledger"]`).
    pub module: Vec<String>,
    /// Absolute: `["crate", "tui", "State"]` or `["chrono", "Local", "now"]`.
    pub path: Vec<String>,
    pub line: usize,
}

impl Use {
    pub fn layer(&self) -> Option<&str> {
        self.module.first().map(String::as_str)
    }

    /// The crate-level module the path points into (`crate::tui::X` → tui).
    pub fn target_layer(&self) -> Option<&str> {
        match self.path.as_slice() {
            [first, layer, ..] if first == "crate" => Some(layer),
            _ => None,
        }
    }

    pub fn text(&self) -> String {
        self.path.join("::")
    }
}

/// The module path of a source file under `src` (`src/core/ledger.rs` →
/// `["core", "ledger"]`; `src/lib.rs` → `[]`).
pub fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut module: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(module.as_slice(), [only] if only == "lib" || only == "main") {
        module.clear();
    }
    if module.last().is_some_and(|m| m == "mod") {
        module.pop();
    }
    module
}

/// Every path `source` (the file of `module`) uses. `modules` holds every
/// module of the crate, so that `use ledger::X` inside `core` resolves to
/// `crate::core::ledger::X` while `use chrono::X` stays external.
pub fn uses(
    module: &[String],
    source: &str,
    modules: &HashSet<Vec<String>>,
) -> Result<Vec<Use>, syn::Error> {
    let file = syn::parse_file(source)?;
    let mut imports = Imports::default();
    imports.collect(module, &file.items);
    let mut walker = Walker {
        module: module.to_vec(),
        modules,
        imports: &imports,
        found: Vec::new(),
    };
    walker.visit_file(&file);
    Ok(walker.found)
}

/// The names each module brings in with `use`, already absolute.
#[derive(Default)]
struct Imports {
    by_module: HashMap<Vec<String>, HashMap<String, Vec<String>>>,
    /// Modules with `use super::*`, which see their parent's names.
    glob_super: HashSet<Vec<String>>,
}

impl Imports {
    fn collect(&mut self, module: &[String], items: &[syn::Item]) {
        for item in items {
            match item {
                syn::Item::Use(u) => {
                    let mut leaves = Vec::new();
                    flatten(&u.tree, Vec::new(), &mut leaves);
                    for (raw, alias) in leaves {
                        let Some(alias) = alias else {
                            if raw.first().is_some_and(|s| s == "super") && raw.len() == 1 {
                                self.glob_super.insert(module.to_vec());
                            }
                            continue;
                        };
                        self.by_module
                            .entry(module.to_vec())
                            .or_default()
                            .insert(alias, raw);
                    }
                }
                syn::Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        let mut child = module.to_vec();
                        child.push(m.ident.to_string());
                        self.collect(&child, inner);
                    }
                }
                _ => {}
            }
        }
    }

    /// The raw path `name` stands for, and the module that imported it.
    fn lookup(&self, module: &[String], name: &str) -> Option<(Vec<String>, &Vec<String>)> {
        let mut at = module.to_vec();
        loop {
            if let Some(found) = self.by_module.get(&at).and_then(|m| m.get(name)) {
                return Some((at, found));
            }
            if !self.glob_super.contains(&at) || at.pop().is_none() {
                return None;
            }
        }
    }
}

/// The leaves of a use tree: the raw path and the name it binds (`None`
/// for a glob, whose path is the module globbed).
fn flatten(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) {
    let with = |name: &syn::Ident| {
        let mut p = prefix.clone();
        p.push(name.to_string());
        p
    };
    match tree {
        syn::UseTree::Path(p) => flatten(&p.tree, with(&p.ident), out),
        syn::UseTree::Name(n) if n.ident == "self" => {
            let alias = prefix.last().cloned();
            out.push((prefix, alias));
        }
        syn::UseTree::Name(n) => out.push((with(&n.ident), Some(n.ident.to_string()))),
        syn::UseTree::Rename(r) => {
            let path = if r.ident == "self" {
                prefix.clone()
            } else {
                with(&r.ident)
            };
            out.push((path, Some(r.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix, None)),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten(t, prefix.clone(), out);
            }
        }
    }
}

struct Walker<'a> {
    module: Vec<String>,
    modules: &'a HashSet<Vec<String>>,
    imports: &'a Imports,
    found: Vec<Use>,
}

impl Walker<'_> {
    /// `raw` as written in `module`, made absolute.
    fn resolve(
        &self,
        module: &[String],
        raw: &[String],
        leading_colon: bool,
        depth: u8,
    ) -> Vec<String> {
        let Some(first) = raw.first() else {
            return Vec::new();
        };
        if leading_colon || depth > 8 {
            return raw.to_vec();
        }
        let absolute = |m: &[String], rest: &[String]| {
            let mut out = vec!["crate".to_string()];
            out.extend(m.iter().cloned());
            out.extend(rest.iter().cloned());
            out
        };
        match first.as_str() {
            "crate" => raw.to_vec(),
            "self" => absolute(module, &raw[1..]),
            "super" => {
                let mut m = module.to_vec();
                let mut rest = raw;
                while rest.first().is_some_and(|s| s == "super") {
                    m.pop();
                    rest = &rest[1..];
                }
                absolute(&m, rest)
            }
            _ => {
                let mut child = module.to_vec();
                child.push(first.clone());
                if self.modules.contains(&child) {
                    return absolute(&child, &raw[1..]);
                }
                if let Some((at, target)) = self.imports.lookup(module, first) {
                    let mut out = self.resolve(&at, target, false, depth + 1);
                    out.extend(raw[1..].iter().cloned());
                    return out;
                }
                raw.to_vec()
            }
        }
    }

    fn record(&mut self, raw: &[String], leading_colon: bool, line: usize) {
        let path = self.resolve(&self.module, raw, leading_colon, 0);
        self.found.push(Use {
            module: self.module.clone(),
            path,
            line,
        });
    }

    /// Paths inside a macro's arguments, when they parse as expressions.
    fn visit_tokens(&mut self, tokens: &proc_macro2::TokenStream) {
        use syn::parse::Parser;
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        if let Ok(exprs) = parser.parse2(tokens.clone()) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Walker<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.content.is_none() {
            return;
        }
        self.module.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.module.pop();
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let line = u.use_token.span.start().line;
        let mut leaves = Vec::new();
        flatten(&u.tree, Vec::new(), &mut leaves);
        for (raw, _) in leaves {
            self.record(&raw, u.leading_colon.is_some(), line);
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let raw: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        let line = p
            .segments
            .first()
            .map_or(0, |s| s.ident.span().start().line);
        self.record(&raw, p.leading_colon.is_some(), line);
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        syn::visit::visit_macro(self, m);
        self.visit_tokens(&m.tokens);
    }
}
