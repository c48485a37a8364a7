//! The record form, driven by keys on a fixed ledger: completion, duties,
//! saving, cancelling, paste, inline errors, cursor placement and snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use taizhang::core::error::Problem;
use taizhang::core::{DutyId, Field, ValidationError};
use taizhang::i18n::Lang;
use taizhang::tui::form::{FormOutcome, RecordForm};
use taizhang::tui::theme::Theme;

#[path = "tui_support/components.rs"]
mod components;
use components::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn press(form: &mut RecordForm, view: &YearView, code: KeyCode) -> FormOutcome {
    form.handle_key(key(code), view)
}

fn type_str(form: &mut RecordForm, view: &YearView, s: &str) {
    for c in s.chars() {
        assert_eq!(press(form, view, KeyCode::Char(c)), FormOutcome::Continue);
    }
}

fn tabs(form: &mut RecordForm, view: &YearView, n: usize) {
    for _ in 0..n {
        assert_eq!(press(form, view, KeyCode::Tab), FormOutcome::Continue);
    }
}

fn draw(form: &RecordForm, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| form.render(f, f.area(), &Theme::new(false, true)))
        .unwrap();
    t
}

fn screen(t: &Terminal<TestBackend>) -> String {
    t.backend().to_string()
}

fn submit(form: &mut RecordForm, view: &YearView) -> NewRecord {
    match form.handle_key(ctrl('s'), view) {
        FormOutcome::Submit(r) => r,
        other => panic!("expected Submit, got {other:?}"),
    }
}

// Field order of a non-talk kind: kind, date, topic, host, attendees,
// absentees, notes, duties.
const TOPIC: usize = 2;
const HOST: usize = 3;
const ATTENDEES: usize = 4;
const NOTES: usize = 6;
const DUTIES: usize = 7;

#[test]
fn typing_and_fuzzy_picking_then_ctrl_s_submits_the_record() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "学习党章");
    tabs(&mut form, &view, 1);
    type_str(&mut form, &view, "zs");
    tabs(&mut form, &view, 1); // accepts 张三
    tabs(&mut form, &view, 1); // host -> attendees
    type_str(&mut form, &view, "ls");
    press(&mut form, &view, KeyCode::Enter); // accepts 李四
    type_str(&mut form, &view, "王");
    press(&mut form, &view, KeyCode::Tab); // accepts 王五
    tabs(&mut form, &view, 1); // -> absentees
    type_str(&mut form, &view, "zl");
    press(&mut form, &view, KeyCode::Tab); // 赵六:
    type_str(&mut form, &view, "出差");
    let r = submit(&mut form, &view);
    assert_eq!(r.kind, Some(RecordKind::ALL[0]));
    assert_eq!(r.date, Some(today()));
    assert_eq!(r.topic, "学习党章");
    assert_eq!(r.host.as_deref(), Some("张三"));
    assert_eq!(r.attendees, vec!["李四", "王五"]);
    assert_eq!(r.absentees, vec![("赵六".to_string(), "出差".to_string())]);
    let prefill: Vec<String> = view
        .catalogue
        .prefill(RecordKind::ALL[0])
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert_eq!(r.duties, Some(prefill));
    // The ledger accepts it as it is.
    ledger().add_record(&r).unwrap();
}

#[test]
fn typing_a_chinese_surname_offers_the_shortest_name_first() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "会议");
    tabs(&mut form, &view, ATTENDEES - TOPIC);
    type_str(&mut form, &view, "李");
    let shown = screen(&draw(&form, 80, 24));
    assert!(shown.contains("▸ 李四"), "{shown}");
    assert!(shown.contains("李四光"), "{shown}");
    press(&mut form, &view, KeyCode::Down); // second candidate
    press(&mut form, &view, KeyCode::Tab);
    assert_eq!(submit(&mut form, &view).attendees, vec!["李四光"]);
}

#[test]
fn duties_toggle_with_space_and_stop_following_the_kind() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    let all: Vec<DutyId> = view.catalogue.duties.iter().map(|d| d.id.clone()).collect();
    let prefill = view.catalogue.prefill(RecordKind::ALL[0]);
    let off = all.iter().position(|d| !prefill.contains(d)).unwrap();
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "会议");
    tabs(&mut form, &view, DUTIES - TOPIC);
    for _ in 0..off {
        press(&mut form, &view, KeyCode::Down);
    }
    press(&mut form, &view, KeyCode::Char(' '));
    let r = submit(&mut form, &view);
    let mut want: Vec<String> = all
        .iter()
        .filter(|d| prefill.contains(d) || **d == all[off])
        .map(|d| d.0.clone())
        .collect();
    want.dedup();
    assert_eq!(r.duties, Some(want.clone()));
    // A kind change no longer re-prefills once the user toggled.
    press(&mut form, &view, KeyCode::BackTab);
    for _ in 0..DUTIES - 1 {
        press(&mut form, &view, KeyCode::BackTab);
    }
    press(&mut form, &view, KeyCode::Right);
    assert_eq!(
        form.handle_key(ctrl('s'), &view),
        FormOutcome::Submit(NewRecord {
            kind: Some(RecordKind::ALL[1]),
            ..r
        })
    );
}

#[test]
fn a_kind_change_re_prefills_untouched_duties() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    press(&mut form, &view, KeyCode::Right);
    press(&mut form, &view, KeyCode::Left);
    let kind = RecordKind::CentralGroupStudy;
    type_str(&mut form, &view, "中心组");
    // Enter takes the kind and moves on to the date.
    press(&mut form, &view, KeyCode::Enter);
    tabs(&mut form, &view, TOPIC - 1);
    type_str(&mut form, &view, "专题学习");
    let r = submit(&mut form, &view);
    assert_eq!(r.kind, Some(kind));
    let want: Vec<String> = view
        .catalogue
        .prefill(kind)
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(r.duties, Some(want));
}

#[test]
fn talk_kinds_show_partners_and_need_them() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    type_str(&mut form, &view, "谈心");
    press(&mut form, &view, KeyCode::Enter);
    tabs(&mut form, &view, HOST - 1);
    type_str(&mut form, &view, "张三");
    assert_eq!(form.handle_key(ctrl('s'), &view), FormOutcome::Continue);
    let shown = screen(&draw(&form, 80, 24));
    assert!(shown.contains("谈话对象：必填"), "{shown}");
    // The error moved the focus to the partners field.
    type_str(&mut form, &view, "wangwu");
    press(&mut form, &view, KeyCode::Tab);
    let r = submit(&mut form, &view);
    assert_eq!(r.kind, Some(RecordKind::HeartTalk));
    assert_eq!(r.partners, vec!["王五"]);
}

#[test]
fn esc_cancels_an_unchanged_form_at_once_and_asks_on_a_changed_one() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    assert_eq!(
        press(&mut form, &view, KeyCode::Esc),
        FormOutcome::Cancelled
    );

    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "x");
    assert_eq!(press(&mut form, &view, KeyCode::Esc), FormOutcome::Continue);
    assert!(screen(&draw(&form, 80, 24)).contains("放弃未保存的修改"));
    assert_eq!(
        press(&mut form, &view, KeyCode::Char('n')),
        FormOutcome::Continue
    );
    type_str(&mut form, &view, "y");
    assert_eq!(press(&mut form, &view, KeyCode::Esc), FormOutcome::Continue);
    assert_eq!(
        press(&mut form, &view, KeyCode::Char('y')),
        FormOutcome::Cancelled
    );
}

#[test]
fn paste_keeps_newlines_only_in_notes_and_never_submits() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    form.paste("第一行\r\n第二行");
    tabs(&mut form, &view, NOTES - TOPIC);
    form.paste("甲\n乙\n\n丙\n");
    assert!(!form.hints().is_empty());
    let r = submit(&mut form, &view);
    assert_eq!(r.topic, "第一行 第二行");
    assert_eq!(r.notes, "甲\n乙\n\n丙\n");
}

#[test]
fn enter_in_notes_is_a_newline_and_enter_on_the_last_field_saves() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "t");
    tabs(&mut form, &view, NOTES - TOPIC);
    type_str(&mut form, &view, "a");
    assert_eq!(
        press(&mut form, &view, KeyCode::Enter),
        FormOutcome::Continue
    );
    type_str(&mut form, &view, "b");
    tabs(&mut form, &view, 1);
    match press(&mut form, &view, KeyCode::Enter) {
        FormOutcome::Submit(r) => assert_eq!(r.notes, "a\nb"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_date_is_reported_when_leaving_the_field_and_blocks_saving() {
    let view = view();
    let mut form = RecordForm::new(Lang::En, &view, None, today());
    tabs(&mut form, &view, 1);
    form.handle_key(ctrl('u'), &view);
    type_str(&mut form, &view, "2-30");
    assert!(!screen(&draw(&form, 80, 24)).contains("cannot read"));
    tabs(&mut form, &view, 1);
    type_str(&mut form, &view, "topic");
    let shown = screen(&draw(&form, 80, 24));
    assert!(shown.contains("date: cannot read \"2-30\""), "{shown}");
    assert_eq!(form.handle_key(ctrl('s'), &view), FormOutcome::Continue);
    form.handle_key(ctrl('u'), &view);
    type_str(&mut form, &view, "-3");
    assert!(screen(&draw(&form, 80, 24)).contains("2026-03-17 Tue"));
    assert_eq!(submit(&mut form, &view).date, Some(d(3, 17)));
}

#[test]
fn set_error_shows_the_message_inline_in_the_forms_language() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    form.set_error(ValidationError::new(
        Field::Attendees,
        Problem::UnknownPerson("孙八".into()),
    ));
    let t = draw(&form, 80, 24);
    let shown = screen(&t);
    let msg_row = shown
        .lines()
        .position(|l| l.contains("名册中没有“孙八”"))
        .unwrap();
    let field_row = shown.lines().position(|l| l.contains(">参加人员")).unwrap();
    assert_eq!(msg_row, field_row + 1, "{shown}");
}

#[test]
fn the_cursor_follows_chinese_text_two_columns_a_character() {
    let view = view();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    tabs(&mut form, &view, TOPIC);
    let mut t = draw(&form, 80, 24);
    let before = t.backend_mut().get_cursor_position().unwrap();
    type_str(&mut form, &view, "学习a");
    let mut t = draw(&form, 80, 24);
    let after = t.backend_mut().get_cursor_position().unwrap();
    assert_eq!(after.y, before.y);
    assert_eq!(after.x, before.x + 5);
    let row: String = screen(&t)
        .lines()
        .nth(usize::from(after.y))
        .unwrap()
        .to_string();
    assert!(row.contains(">主题"), "{row}");
    press(&mut form, &view, KeyCode::Left);
    press(&mut form, &view, KeyCode::Left);
    let mut t = draw(&form, 80, 24);
    assert_eq!(
        t.backend_mut().get_cursor_position().unwrap().x,
        before.x + 2
    );
}

#[test]
fn editing_prefills_every_field_and_submits_it_unchanged() {
    let view = view();
    let record = view
        .records
        .iter()
        .find(|r| r.kind == RecordKind::GeneralMeeting)
        .unwrap();
    let mut form = RecordForm::new(Lang::Zh, &view, Some(record), today());
    assert_eq!(form.editing(), Some(record.id));
    let r = submit(&mut form, &view);
    assert_eq!(r.kind, Some(record.kind));
    assert_eq!(r.date, Some(record.date));
    assert_eq!(r.topic, record.topic);
    assert_eq!(r.host.as_deref(), Some("张三"));
    assert_eq!(r.attendees, vec!["李四", "王五"]);
    assert_eq!(r.absentees, vec![("赵六".to_string(), "出差".to_string())]);
    assert_eq!(r.notes, record.notes);
    let ids: Vec<String> = record.duties.iter().map(|d| d.0.clone()).collect();
    assert_eq!(r.duties, Some(ids));
    assert_eq!(
        press(&mut form, &view, KeyCode::Esc),
        FormOutcome::Cancelled
    );
}

#[test]
fn snapshots_at_80x24() {
    let view = view();
    let record = view
        .records
        .iter()
        .find(|r| r.kind == RecordKind::GeneralMeeting)
        .unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let tag = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let form = RecordForm::new(lang, &view, None, today());
        insta::assert_snapshot!(format!("form_new_{tag}"), draw(&form, 80, 24).backend());
        let form = RecordForm::new(lang, &view, Some(record), today());
        insta::assert_snapshot!(format!("form_edit_{tag}"), draw(&form, 80, 24).backend());
    }
}

#[test]
fn the_embedded_catalogue_works_too() {
    let ledger = Ledger::new(MemStore::default(), "tester");
    let view = ledger.year_view(2026, today()).unwrap();
    let mut form = RecordForm::new(Lang::Zh, &view, None, today());
    draw(&form, 80, 24);
    let want: Vec<String> = view
        .catalogue
        .prefill(RecordKind::ALL[0])
        .into_iter()
        .map(|d| d.0)
        .collect();
    tabs(&mut form, &view, TOPIC);
    type_str(&mut form, &view, "会议");
    assert_eq!(submit(&mut form, &view).duties, Some(want));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn rendering_never_panics(w in 0u16..=120, h in 0u16..=50, steps in 0usize..12, paste in ".{0,30}") {
        let view = view();
        let mut form = RecordForm::new(Lang::Zh, &view, None, today());
        tabs(&mut form, &view, steps % 8);
        form.paste(&paste);
        type_str(&mut form, &view, "李");
        draw(&form, w, h);
        let record = &view.records[steps % view.records.len()];
        draw(&RecordForm::new(Lang::En, &view, Some(record), today()), w, h);
    }
}

/// Untouched duties follow who acts (issue 10.3): a 书记's 廉政谈话 is
/// ticked toward s3 only, the overseeing leader's toward m2 only.
#[test]
fn an_untouched_duty_list_follows_who_talks() {
    for (host, want) in [("张三", "s3"), ("李四", "m2")] {
        let mut view = view();
        view.catalogue = taizhang::core::Catalogue::embedded();
        let mut form = RecordForm::new(Lang::Zh, &view, None, today());
        type_str(&mut form, &view, "廉政谈话");
        press(&mut form, &view, KeyCode::Enter);
        tabs(&mut form, &view, HOST - 1);
        type_str(&mut form, &view, host);
        // 李四 still matches 李四光, so the list stays open: close it first.
        if host == "李四" {
            press(&mut form, &view, KeyCode::Esc);
        }
        press(&mut form, &view, KeyCode::Tab);
        type_str(&mut form, &view, "王五");
        press(&mut form, &view, KeyCode::Tab);
        let out = form.handle_key(ctrl('s'), &view);
        let FormOutcome::Submit(r) = out else {
            panic!("{out:?}\n{}", screen(&draw(&form, 80, 24)));
        };
        assert_eq!(r.kind, Some(RecordKind::IntegrityTalk));
        assert_eq!(r.host.as_deref(), Some(host));
        assert_eq!(r.duties, Some(vec![want.to_string()]), "{host}");
    }
}
