//! The clap command in the chosen language. The English texts are the derive
//! definitions in `cli.rs` and the command files; Chinese replaces every
//! about, help text and heading from `i18n::cli_help`, keyed by the command
//! path and argument id, so both come from the same definitions (and so do
//! completions and the man page).

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::{Lang, cli_help as zh};

use std::ffi::OsString;

use super::{Cli, CliError};

/// The whole command line in `lang`: help, usage and headings.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => localize(cmd, ""),
    }
}

/// Every command path (`""` is the root, `"people add"`) and argument id
/// that `command` looks up, for the test that none lacks a Chinese text.
pub fn keys() -> Vec<(String, Option<String>)> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        out.push((path.to_string(), None));
        for arg in cmd.get_arguments().filter(|a| !skipped(a)) {
            out.push((path.to_string(), Some(arg.get_id().to_string())));
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, &join(path, sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "", &mut out);
    out
}

/// clap's own help and version flags are replaced, and hidden arguments are
/// never shown.
fn skipped(arg: &Arg) -> bool {
    arg.is_hide_set() || matches!(arg.get_id().as_str(), "help" | "version")
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The help layout with Chinese headings and full-width colons; a section
/// is left out when the command has nothing for it.
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\n用法：{usage}\n\n");
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str("命令：\n{subcommands}\n\n");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str("参数：\n{positionals}\n\n");
    }
    t.push_str("选项：\n{options}{after-help}");
    t
}

fn localize(cmd: Command, path: &str) -> Command {
    let about = zh::about(path);
    let template = template(&cmd);
    let mut cmd = cmd
        .help_template(template)
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .display_order(990)
                .global(path.is_empty()),
        );
    if let Some(about) = about {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .display_order(991),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !skipped(a))
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let key = id.clone();
        let path = path.to_string();
        cmd = cmd.mut_arg(id, move |arg| localize_arg(arg, &path, &key));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = join(path, &name);
        cmd = cmd.mut_subcommand(name, move |sub| localize(sub, &sub_path));
    }
    cmd
}

/// The Chinese help of one argument, with its default and choices said in
/// Chinese instead of clap's `[default: …]`.
fn localize_arg(arg: Arg, path: &str, id: &str) -> Arg {
    let mut help = zh::arg(path, id).map(str::to_string);
    if let Some(text) = help.as_mut() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let choices: Vec<String> = if arg.get_action().takes_values() {
            arg.get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect()
        } else {
            Vec::new()
        };
        let mut extra = Vec::new();
        if !choices.is_empty() {
            extra.push(format!("可选：{}", choices.join("、")));
        }
        if !defaults.is_empty() {
            extra.push(format!("默认：{}", defaults.join("、")));
        }
        if !extra.is_empty() {
            text.push('（');
            text.push_str(&extra.join("；"));
            text.push('）');
        }
    }
    let takes_values = arg.get_action().takes_values();
    let arg = arg
        .hide_default_value(takes_values)
        .hide_possible_values(takes_values)
        .hide_env(true);
    match help {
        Some(text) => arg.help(text).long_help(None::<&str>),
        None => arg,
    }
}

/// `taizhang help people add` as `taizhang people add --help`: the Chinese
/// command has no clap help subcommand (its texts cannot be translated), so
/// the word is turned into the flag.
pub fn expand_help_command(lang: Lang, mut args: Vec<OsString>) -> Vec<OsString> {
    if lang == Lang::En {
        return args;
    }
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        if arg == "--db" || arg == "--lang" {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            if arg == "help" {
                args.remove(i);
                args.push("--help".into());
            }
            break;
        }
    }
    args
}

/// `taizhang completions SHELL`: the script for `shell`, from the same
/// command definitions (in `lang`, for the descriptions zsh and fish show).
pub fn completions(lang: Lang, shell: clap_complete::Shell) -> Result<String, CliError> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut command(lang), "taizhang", &mut buf);
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// `taizhang man`: the roff man page, from the same command definitions.
pub fn man(lang: Lang) -> Result<String, CliError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(command(lang))
        .render(&mut buf)
        .map_err(|source| CliError::Write {
            path: "stdout".into(),
            source,
        })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_build_a_valid_command() {
        command(Lang::Zh).debug_assert();
        command(Lang::En).debug_assert();
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let missing: Vec<String> = keys()
            .into_iter()
            .filter(|(path, id)| zh::arg(path, id.as_deref().unwrap_or("")).is_none())
            .map(|(path, id)| format!("{path:?} {}", id.unwrap_or_default()))
            .collect();
        assert!(missing.is_empty(), "no Chinese help for: {missing:#?}");
    }

    #[test]
    fn help_word_becomes_the_flag_in_chinese() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            expand_help_command(Lang::Zh, args(&["taizhang", "--db", "x", "help", "add"])),
            args(&["taizhang", "--db", "x", "add", "--help"])
        );
        assert_eq!(
            expand_help_command(Lang::Zh, args(&["taizhang", "add", "help"])),
            args(&["taizhang", "add", "help"])
        );
    }
}
