//! CSV exports and `import-csv` through the real binary: Excel-ready bytes,
//! a lossless round trip, GBK input, and all-or-nothing with row-level errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cli_support/env.rs"]
mod env;
#[path = "cli_support/python.rs"]
mod python;

use std::path::Path;

use env::Env;
use serde_json::Value;

/// Parse CSV bytes as written by export: BOM, then header and rows.
fn rows(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn record_count(env: &Env, db: &Path) -> usize {
    let list: Value = serde_json::from_str(&env.ok_on(db, &["records", "list", "--json"])).unwrap();
    list.as_array().unwrap().len()
}

/// The demo ledger plus a record whose text needs quoting and guarding.
fn tricky_env() -> Env {
    let env = Env::demo();
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "3-18",
        "--topic",
        "=HYPERLINK(\"http://x\"),研究",
        "--host",
        "#1",
        "--duty",
        "b2",
        "--notes=-3 号文件，\"重点\"\n第二行",
        "--evidence",
        "@会议纪要.pdf",
        "--evidence",
        "照片",
    ]);
    env
}

#[test]
fn records_export_is_excel_ready_and_guards_formulas() {
    let env = tricky_env();
    let text = env.ok(&["export", "--format", "csv", "--what", "records"]);
    assert!(text.starts_with('\u{feff}'), "BOM");
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\r'));
    let table = rows(&text);
    assert_eq!(table[0][..3], ["日期", "类型", "主题"]);
    assert_eq!(table[0].len(), 14);
    assert_eq!(table[0][10], "所属年度");
    let row = table.iter().find(|r| r[2].contains("HYPERLINK")).unwrap();
    assert_eq!(row[2], "'=HYPERLINK(\"http://x\"),研究");
    assert_eq!(
        row[7], "三（一）（2）专题研究全面从严治党",
        "duties by 条目 and title"
    );
    assert_eq!(row[8], "'-3 号文件，\"重点\"\n第二行");
    assert_eq!(row[9], "'@会议纪要.pdf、照片");
    // Records are stamped with the real Unix user, not $USER.
    let me = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    assert_eq!(row[11], String::from_utf8_lossy(&me.stdout).trim());
    // Every cell that a spreadsheet would run starts with the guard.
    for r in &table[1..] {
        for cell in r {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    let en = rows(&env.ok(&["--lang", "en", "export", "--format", "csv"]));
    assert_eq!(en[0][..3], ["date", "kind", "topic"]);
    assert_eq!(en.len(), table.len());
}

#[test]
fn records_round_trip_through_import_csv() {
    let env = tricky_env();
    let first = env.path("first.csv");
    env.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        first.to_str().unwrap(),
    ]);
    let before = std::fs::read_to_string(&first).unwrap();
    let fresh = env.same_roster_elsewhere("fresh");
    let said = env.ok_on(&fresh, &["import-csv", first.to_str().unwrap()]);
    let n = rows(&before).len() - 1;
    assert!(n > 20, "the demo has records");
    assert!(said.contains(&n.to_string()), "{said}");
    let after = env.ok_on(&fresh, &["export", "--format", "csv"]);
    // Same rows but for who entered them, when, and the ids.
    let strip = |t: &str| -> Vec<Vec<String>> {
        rows(t)
            .into_iter()
            .map(|mut r| {
                r.truncate(10);
                r
            })
            .collect()
    };
    assert_eq!(strip(&after), strip(&before));
    // The guard is undone on the way in: the text stored is the text typed.
    let list: Value =
        serde_json::from_str(&env.ok_on(&fresh, &["records", "list", "--json"])).unwrap();
    let tricky = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["topic"].as_str().unwrap().contains("HYPERLINK"))
        .unwrap();
    assert_eq!(tricky["topic"], "=HYPERLINK(\"http://x\"),研究");
    assert_eq!(tricky["notes"], "-3 号文件，\"重点\"\n第二行");
    assert_eq!(
        tricky["evidence"],
        serde_json::json!(["@会议纪要.pdf", "照片"])
    );
    // A second import is refused as duplicates, naming the rows.
    let err = env.refused_on(&fresh, &["import-csv", first.to_str().unwrap()], 2);
    assert!(
        err.contains("第 2 行") && err.contains("--allow-duplicates"),
        "{err}"
    );
    assert_eq!(record_count(&env, &fresh), n);
}

const ROSTER_CSV: &str = "日期,类型,主题,主持人,参加人员,缺席人员,谈话对象,备注\r\n";

fn small_env() -> Env {
    let env = Env::new();
    for args in [
        ["people", "add", "张三", "--role", "书记"],
        ["people", "add", "李四", "--role", "班子成员"],
        ["people", "add", "王五", "--role", "党员"],
    ] {
        env.ok(&args);
    }
    env
}

#[test]
fn a_gbk_file_imports_correctly() {
    let env = small_env();
    let text = format!(
        "{ROSTER_CSV}2026/3/2,支委会,研究党建工作要点,张三,张三、李四,王五（出差）,,第一次\r\n\
         2026年3月5日,谈心谈话,,张三,,,李四,谈思想\r\n"
    );
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the test file must not be UTF-8"
    );
    let file = env.path("gbk.csv");
    std::fs::write(&file, &gbk).unwrap();
    let said = env.ok(&["import-csv", file.to_str().unwrap(), "--dry-run"]);
    assert!(said.contains('2'), "{said}");
    assert_eq!(record_count(&env, &env.db()), 0, "--dry-run writes nothing");
    env.ok(&["import-csv", file.to_str().unwrap()]);
    let list: Value = serde_json::from_str(&env.ok(&["records", "list", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["date"], "2026-03-02");
    assert_eq!(list[0]["topic"], "研究党建工作要点");
    assert_eq!(list[0]["host_name"], "张三");
    assert_eq!(list[0]["absentees"][0]["reason"], "出差");
    assert_eq!(list[0]["notes"], "第一次");
    assert_eq!(list[1]["kind_zh"], "谈心谈话");
    assert_eq!(list[1]["partner_names"][0], "李四");
}

#[test]
fn one_bad_row_writes_nothing_and_names_row_and_column() {
    let env = small_env();
    let text = format!(
        "{ROSTER_CSV}3-2,支委会,一,张三,,,,\r\n3-3,支委会,二,王二,,,,\r\n3-4,党课,三,李四,,,,\r\n3-5,会餐,四,李四,,,,\r\n"
    );
    let file = env.path("bad.csv");
    std::fs::write(&file, text).unwrap();
    let err = env.refused(&["import-csv", file.to_str().unwrap()], 2);
    assert!(err.contains("第 3 行（列 D“主持人”）"), "{err}");
    assert!(err.contains("王二") && err.contains("people add"), "{err}");
    assert!(err.contains("第 5 行（列 B“类型”）"), "{err}");
    assert!(
        !err.contains("第 2 行") && !err.contains("第 4 行"),
        "{err}"
    );
    assert_eq!(record_count(&env, &env.db()), 0);
    let err = env.refused(&["--lang", "en", "import-csv", file.to_str().unwrap()], 2);
    assert!(err.contains("row 3 (column D \"主持人\")"), "{err}");
    // Without the required columns nothing is read at all.
    std::fs::write(&file, "主题,主持人\r\n一,张三\r\n").unwrap();
    let err = env.refused(&["import-csv", file.to_str().unwrap()], 2);
    assert!(err.contains("日期") && err.contains("类型"), "{err}");
    // A workbook is not a CSV.
    std::fs::write(&file, b"PK\x03\x04\x14\x00").unwrap();
    let err = env.refused(&["import-csv", file.to_str().unwrap()], 2);
    assert!(err.contains("另存为"), "{err}");
}

#[test]
fn duties_export_matches_status_json_without_ids_or_english() {
    let env = Env::demo();
    let status: Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    let text = env.ok(&[
        "export", "--format", "csv", "--what", "duties", "--year", "2026",
    ]);
    let table = rows(&text);
    assert_eq!(
        table[0],
        [
            "清单",
            "条目",
            "职责",
            "要求",
            "依据",
            "目标",
            "已完成",
            "按进度应完成",
            "状态",
            "尚缺"
        ]
    );
    let duties = status["duties"].as_array().unwrap();
    assert_eq!(duties.len(), table.len() - 1);
    let mut moved = 0;
    for (d, row) in duties.iter().zip(&table[1..]) {
        assert_eq!(row[2], d["title"].as_str().unwrap());
        if d["status"] == "no_quota" {
            assert_eq!(row[5], "—", "no bare 0 target for {}", row[2]);
            assert!(
                row[6] == "暂无记录" || row[6].starts_with("已留痕"),
                "{row:?}"
            );
        } else {
            assert_eq!(row[5], d["target"].to_string(), "target of {}", row[2]);
            assert_eq!(row[6], d["done"].to_string(), "done of {}", row[2]);
            assert_eq!(row[7], d["expected"].to_string(), "expected of {}", row[2]);
            assert_eq!(row[8], d["status_text"].as_str().unwrap());
        }
        moved += usize::from(d["done"].as_u64().unwrap() > 0);
        for cell in row {
            assert!(!cell.contains('→'), "{cell}");
            assert!(
                d["id"].as_str().is_none_or(|id| cell != id),
                "an id in {row:?}"
            );
        }
    }
    assert!(moved > 0, "the demo moves some duties");
}

const READ_XLSX: &str = r#"
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "author": wb.properties.creator}
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    out[ws.title] = {
        "title": rows[0][0],
        "header": list(rows[1]),
        "rows": len(rows) - 2,
        "dates": sum(1 for r in rows[2:] if isinstance(r[1], datetime.datetime)),
        "numbers": [r[0] for r in rows[2:]],
        "freeze": ws.freeze_panes,
        "paper": ws.page_setup.paperSize,
        "landscape": ws.page_setup.orientation,
        "repeat": ws.print_title_rows,
        "widths": [ws.column_dimensions[c].width for c in "ABCD"],
        "attendance": [[r[5], r[6]] for r in rows[2:4]] if rows[1][5] == "应到人数" else None,
    }
print(json.dumps(out, ensure_ascii=False, default=str))
"#;

#[test]
fn xlsx_workbook_reads_back_with_openpyxl() {
    if !python::has("openpyxl", "openpyxl") {
        return;
    }
    let env = Env::demo();
    let err = env.refused(&["export", "--format", "xlsx"], 2);
    assert!(err.contains("--out"), "{err}");
    let file = env.path("台账.xlsx");
    env.ok(&[
        "export",
        "--format",
        "xlsx",
        "--year",
        "2026",
        "--out",
        file.to_str().unwrap(),
    ]);
    let got = python::read_back(READ_XLSX, &file);
    assert_eq!(
        got["sheets"],
        serde_json::json!([
            "会议",
            "学习",
            "谈话",
            "报告",
            "其他工作",
            "整改",
            "职责完成情况"
        ])
    );
    assert_eq!(got["author"], "中共XX支部");
    let list: Value =
        serde_json::from_str(&env.ok(&["records", "list", "--json", "--year", "2026"])).unwrap();
    let in_2026: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["date"].as_str().unwrap().starts_with("2026"))
        .collect();
    let talks = in_2026
        .iter()
        .filter(|r| r["partner_names"].as_array().is_some_and(|p| !p.is_empty()))
        .count();
    let mut total = 0;
    for name in ["会议", "学习", "谈话", "报告", "其他工作"] {
        let s = &got[name];
        let n = s["rows"].as_u64().unwrap();
        total += n;
        assert_eq!(s["title"], format!("中共XX支部2026年度{name}台账"));
        assert_eq!(s["header"][0], "序号");
        assert_eq!(s["header"][1], "日期");
        assert_eq!(s["dates"], n, "every date of {name} is a date cell");
        let numbers: Vec<u64> = s["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(numbers, (1..=n).collect::<Vec<_>>(), "序号 of {name}");
        assert_eq!(s["freeze"], "A3");
        assert_eq!(s["paper"], 9);
        assert_eq!(s["landscape"], "landscape");
        assert_eq!(s["repeat"], "$1:$2");
        for w in s["widths"].as_array().unwrap() {
            assert!(w.as_f64().unwrap() >= 6.0, "{name}: {w}");
        }
    }
    assert_eq!(
        total,
        in_2026.len() as u64,
        "every record of the year, once"
    );
    assert_eq!(got["谈话"]["rows"], talks);
    let att = got["会议"]["attendance"][0].as_array().unwrap();
    assert!(
        att[0].as_u64().unwrap() >= att[1].as_u64().unwrap(),
        "应到 ≥ 实到: {att:?}"
    );
    assert_eq!(got["职责完成情况"]["header"][2], "条目");
}

#[test]
fn fixes_export_is_a_header_for_now_and_json_refuses_csv_flags() {
    let env = small_env();
    let out = env
        .cmd_on(&env.db())
        .args(["export", "--format", "csv", "--what", "fixes"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(rows(&stdout).len(), 1);
    assert!(stdout.contains("整改措施"), "{stdout}");
    assert!(stderr.contains("整改"), "{stderr}");
    let err = env.refused(&["export", "--what", "duties"], 2);
    assert!(err.contains("--format csv"), "{err}");
}

/// Import `text` (UTF-8) into `env`, returning what the command said.
fn import(env: &Env, name: &str, bytes: &[u8]) -> String {
    let file = env.path(name);
    std::fs::write(&file, bytes).unwrap();
    env.ok(&["import-csv", file.to_str().unwrap()])
}

fn records(env: &Env) -> Vec<Value> {
    let list: Value = serde_json::from_str(&env.ok(&["records", "list", "--json"])).unwrap();
    list.as_array().unwrap().clone()
}

#[test]
fn a_gbk_sheet_with_a_title_row_and_a_number_column_imports() {
    let env = small_env();
    let text = "XX党支部2026年“三会一课”台账,,,,,\r\n                序号,会议时间,会议类型,会议主题,主持人,参会人员\r\n                1,2026/3/2,支委会,研究党建工作要点,张三,张三 李四\r\n                2,2026年3月9日,党课,学习党章,李四,全体党员\r\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let said = import(&env, "title.csv", &gbk);
    assert!(
        said.contains("已跳过列名上方的 1 行标题（第 1 行：“XX党支部2026年“三会一课”台账”）"),
        "{said}"
    );
    assert!(said.contains("已导入 2 条记录"), "{said}");
    assert!(
        !said.contains("序号"),
        "序号 is the sheet's own numbering: {said}"
    );
    let list = records(&env);
    assert_eq!(list[0]["kind_zh"], "支委会");
    assert_eq!(
        list[0]["attendee_names"],
        serde_json::json!(["张三", "李四"])
    );
    assert_eq!(list[0]["notes"], "");
    assert_eq!(
        list[1]["attendee_names"],
        serde_json::json!(["张三", "李四", "王五"])
    );
}

#[test]
fn header_variants_name_lists_serials_and_extra_columns() {
    for (kind_header, people_header) in [
        ("会议类型", "参加人员"),
        ("类型", "参会人员"),
        ("活动类型", "出席人员"),
    ] {
        let env = small_env();
        let text = format!(
            "日期,{kind_header},主题,主持人,{people_header},应到人数,记录人\r\n\
             46085,支委会,一,张三,\"张三,李四\",3,王五\r\n\
             2026-03-05,支委会,二,张三,张三、李四,,\r\n\
             2026-03-06,支委会,三,张三,全体班子成员,,\r\n"
        );
        let said = import(&env, "variants.csv", text.as_bytes());
        assert!(
            said.contains("以下列不是台账字段，其内容已写入每条记录的备注：应到人数、记录人"),
            "{said}"
        );
        let list = records(&env);
        assert_eq!(list.len(), 3, "{kind_header}/{people_header}");
        // 46085 is 2026-03-04 in Excel's 1900 date system.
        assert_eq!(list[0]["date"], "2026-03-04");
        // 应到人数 adds nothing beside the attendee list; 记录人 is kept.
        assert_eq!(list[0]["notes"], "记录人：王五");
        for r in &list {
            assert_eq!(
                r["attendee_names"],
                serde_json::json!(["张三", "李四"]),
                "{r}"
            );
        }
    }
}

#[test]
fn a_future_date_is_imported_with_a_warning() {
    let env = small_env();
    let text = "日期,类型,主题,主持人\r\n2099-01-05,支委会,远期,张三\r\n";
    let file = env.path("future.csv");
    std::fs::write(&file, text).unwrap();
    let said = env.ok(&["import-csv", file.to_str().unwrap(), "--dry-run"]);
    assert!(said.contains("第 2 行的日期在今天之后"), "{said}");
    assert_eq!(records(&env).len(), 0);
}

#[test]
fn a_closed_year_is_refused_by_dry_run_and_import_alike_and_leaves_no_trash() {
    let env = small_env();
    env.ok(&[
        "add",
        "支委会",
        "--date",
        "2025-03-01",
        "--topic",
        "去年",
        "--host",
        "张三",
    ]);
    env.ok(&["year", "close", "2025"]);
    let before = records(&env).len();
    let trash_before = env.ok(&["trash"]);
    let text =
        "日期,类型,主题,主持人\r\n2026-03-02,支委会,一,张三\r\n2025-12-30,支委会,年末,张三\r\n";
    let file = env.path("closed.csv");
    std::fs::write(&file, text).unwrap();
    let dry = env.refused(&["import-csv", file.to_str().unwrap(), "--dry-run"], 2);
    let real = env.refused(&["import-csv", file.to_str().unwrap()], 2);
    assert_eq!(dry, real, "--dry-run and the import agree");
    assert!(
        real.contains("第 3 行（列 A“日期”）：2025 年度已关账"),
        "{real}"
    );
    assert!(!real.contains("第 2 行"), "{real}");
    assert_eq!(records(&env).len(), before, "nothing written");
    assert_eq!(
        env.ok(&["trash"]),
        trash_before,
        "nothing in the trash either"
    );
}

#[test]
fn the_xlsx_workbook_imports_back_into_the_same_records() {
    let env = Env::demo();
    let book = env.path("台账.xlsx");
    env.ok(&[
        "export",
        "--format",
        "xlsx",
        "--year",
        "2026",
        "--out",
        book.to_str().unwrap(),
    ]);
    let fresh = env.same_roster_elsewhere("fresh");
    let said = env.ok_on(&fresh, &["import-csv", book.to_str().unwrap()]);
    assert!(
        said.contains("（工作表“整改”） 没有日期和类型列，不是记录表，已跳过"),
        "{said}"
    );
    assert!(said.contains("已跳过列名上方的 1 行标题"), "{said}");
    let before = rows(&env.ok(&["export", "--format", "csv", "--year", "2026"]));
    let after = rows(&env.ok_on(&fresh, &["export", "--format", "csv", "--year", "2026"]));
    // Date, kind, topic, host, attendees, absentees, partners, duties, notes
    // (the workbook leaves out evidence and who entered what).
    let key = |t: &[Vec<String>]| -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = t[1..].iter().map(|r| r[..9].to_vec()).collect();
        out.sort();
        out
    };
    assert_eq!(key(&after), key(&before));
}

/// `--out` naming a FIFO (or a device such as /dev/null) writes into it in
/// place: the temporary-file-and-rename path would replace the node itself
/// with a private regular file, which once turned a machine's /dev/null
/// into a 0600 file.
#[cfg(unix)]
#[test]
fn export_into_a_fifo_writes_in_place_and_keeps_the_fifo() {
    use std::io::Read as _;
    use std::os::unix::fs::FileTypeExt as _;

    let env = small_env();
    let fifo = env.path("out.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    env.ok(&["export", "--format", "csv", "--out", fifo.to_str().unwrap()]);
    let text = reader.join().unwrap();
    assert!(
        text.contains("日期"),
        "the export went through the FIFO: {text}"
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
}

/// 全体党员 in a sheet means the members on the roster of the row's date:
/// 赵六 joined on 2026-02-01 and 王五 left on 2026-02-15.
#[test]
fn group_words_expand_from_the_roster_of_the_rows_date() {
    let env = small_env();
    env.ok(&[
        "people",
        "add",
        "赵六",
        "--role",
        "党员",
        "--from",
        "2026-02-01",
    ]);
    env.ok(&["people", "retire", "王五", "--from", "2026-02-15"]);
    let text = "日期,类型,主题,主持人,参加人员\r\n\
                2026-01-10,党员大会,一月学习,张三,全体党员\r\n\
                2026-03-10,党员大会,三月学习,张三,全体党员\r\n";
    let said = import(&env, "groups.csv", text.as_bytes());
    assert!(said.contains("已导入 2 条记录"), "{said}");
    let list = records(&env);
    let names = |topic: &str| {
        list.iter()
            .find(|r| r["topic"] == topic)
            .map(|r| r["attendee_names"].clone())
            .unwrap()
    };
    assert_eq!(
        names("一月学习"),
        serde_json::json!(["张三", "李四", "王五"])
    );
    assert_eq!(
        names("三月学习"),
        serde_json::json!(["张三", "李四", "赵六"])
    );
}
