//! Issue 10 point 1 in the TUI: the person form and the retire prompt ask
//! from which day a change holds (自何日起), the figures follow the roster
//! of each date, a closed year's roster is refused, and the person form
//! shows what changed from when.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "tui_support/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rstest::rstest;
use taizhang::core::mem::MemStore;
use taizhang::core::{DutyId, Ledger, NewPerson, NewRecord, RecordKind};
use taizhang::i18n::Lang;
use taizhang::tui::State;
use taizhang::tui::action::Action;
use taizhang::tui::step;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The fixture's branch plus 钱部长, head of 办公室, and an integrity talk
/// 李副书记 held with 钱部长 on 2026-02-10, when 李副书记 oversaw only 生产部.
fn branch() -> Ledger<MemStore> {
    let ledger = fixture::ledger();
    ledger
        .add_person(&NewPerson {
            name: "钱部长".into(),
            roles: vec!["部门负责人".into()],
            dept: Some("办公室".into()),
            ..NewPerson::default()
        })
        .unwrap();
    ledger
        .add_record(&NewRecord {
            host: Some("李副书记".into()),
            partners: vec!["钱部长".into()],
            ..fixture::record(RecordKind::IntegrityTalk, 2, 10, "")
        })
        .unwrap();
    ledger
}

fn key(state: &mut State, ledger: &Ledger<MemStore>, code: KeyCode, mods: KeyModifiers) {
    step(
        state,
        ledger,
        Action::RosterKey(KeyEvent::new(code, mods)),
        fixture::now(),
    );
}

fn press(state: &mut State, ledger: &Ledger<MemStore>, code: KeyCode) {
    key(state, ledger, code, KeyModifiers::NONE);
}

fn typed(state: &mut State, ledger: &Ledger<MemStore>, text: &str) {
    for c in text.chars() {
        press(state, ledger, KeyCode::Char(c));
    }
}

fn clear(state: &mut State, ledger: &Ledger<MemStore>) {
    key(state, ledger, KeyCode::Char('u'), KeyModifiers::CONTROL);
}

/// (done, target) of the 分管 talk duty (o1) in the view the TUI shows.
fn o1(state: &State) -> (u32, u32) {
    let p = state.view.progress_of(&DutyId("o1".into())).unwrap();
    (p.done, p.target)
}

/// On the roster screen, open the form on the `row`-th person shown.
fn edit_row(state: &mut State, ledger: &Ledger<MemStore>, row: usize) {
    step(state, ledger, Action::ShowRoster, fixture::now());
    step(state, ledger, Action::Top, fixture::now());
    for _ in 0..row {
        step(state, ledger, Action::Down, fixture::now());
    }
    step(state, ledger, Action::EditPerson, fixture::now());
}

/// In the open person form: 分管部门 becomes `oversees`, from `from`, saved
/// with Enter on 自何日起.
fn change_oversight(state: &mut State, ledger: &Ledger<MemStore>, oversees: &str, from: &str) {
    for _ in 0..3 {
        press(state, ledger, KeyCode::Tab); // roles, dept, 分管部门
    }
    clear(state, ledger);
    // The whole name typed: no list opens, so Tab moves on.
    typed(state, ledger, oversees);
    press(state, ledger, KeyCode::Tab); // 联系点
    press(state, ledger, KeyCode::Tab); // 自何日起
    clear(state, ledger);
    typed(state, ledger, from);
    press(state, ledger, KeyCode::Enter);
}

/// 李副书记 takes over 办公室 from a day: the February talk with its head
/// counts only if he oversaw it on the talk's day.
#[rstest]
#[case::before_the_talk("2026-02-01", (1, 1))]
#[case::after_the_talk("3-01", (0, 1))]
fn oversight_edited_from_a_date_moves_the_figures_only_from_then(
    #[case] from: &str,
    #[case] after: (u32, u32),
) {
    let ledger = branch();
    let mut state = fixture::state(&ledger, Lang::Zh);
    // Owed: (李副书记, 王部长) of 生产部; the talk with 钱部长 is not a 分管 talk.
    assert_eq!(o1(&state), (0, 1));

    edit_row(&mut state, &ledger, 1);
    change_oversight(&mut state, &ledger, "办公室", from);
    assert!(!state.roster.captures_keys(), "the form closed on success");
    assert_eq!(o1(&state), after);

    let li = ledger
        .roster()
        .unwrap()
        .people
        .into_iter()
        .find(|p| p.name == "李副书记")
        .unwrap();
    let on = parse(from);
    let before = on.pred_opt().unwrap();
    assert_eq!(li.as_of(before).oversees, vec!["生产部"]);
    assert_eq!(li.as_of(on).oversees, vec!["办公室"]);

    // The form shows the change and its day.
    edit_row(&mut state, &ledger, 1);
    let shown = fixture::render(&state, 80, 24);
    assert!(shown.contains("任职变动"), "{shown}");
    assert!(
        shown.contains(&format!("自 {on} 起  分管部门：办公室")),
        "{shown}"
    );
}

fn parse(from: &str) -> NaiveDate {
    taizhang::core::date::parse_date(from, fixture::today()).unwrap()
}

#[test]
fn a_change_dated_into_a_closed_year_is_refused_in_the_form() {
    let ledger = branch();
    ledger.close_year(2025).unwrap();
    let mut state = fixture::state(&ledger, Lang::Zh);
    edit_row(&mut state, &ledger, 1);
    change_oversight(&mut state, &ledger, "办公室", "2025-12-31");
    assert!(state.roster.captures_keys(), "the form stays open");
    let shown = fixture::render(&state, 80, 24);
    assert!(
        shown.contains("自何日起：2025年度已结账"),
        "the CLI's message, under the field: {shown}"
    );
    assert!(shown.contains("或之后的日期"), "{shown}");
    let li = ledger.roster().unwrap().people[1].clone();
    assert_eq!(li.oversees, vec!["生产部"], "nothing was written");
    // The next year's first day is accepted.
    clear(&mut state, &ledger);
    typed(&mut state, &ledger, "2026-01-01");
    press(&mut state, &ledger, KeyCode::Enter);
    assert!(!state.roster.captures_keys());
    let li = ledger.roster().unwrap().people[1].clone();
    assert_eq!(li.as_of(day(2025, 12, 31)).oversees, vec!["生产部"]);
    assert_eq!(li.as_of(day(2026, 1, 1)).oversees, vec!["办公室"]);
}

#[test]
fn retiring_from_a_date_keeps_the_person_on_the_roster_before_it() {
    let ledger = branch();
    let mut state = fixture::state(&ledger, Lang::En);
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    step(&mut state, &ledger, Action::Down, fixture::now());
    step(&mut state, &ledger, Action::Down, fixture::now()); // 王部长
    step(&mut state, &ledger, Action::RetirePerson, fixture::now());
    let shown = fixture::render(&state, 80, 24);
    assert!(
        shown.contains("Take 王部长 off the roster from: today  → 2026-03-20 Fri"),
        "{shown}"
    );
    clear(&mut state, &ledger);
    typed(&mut state, &ledger, "3-32");
    press(&mut state, &ledger, KeyCode::Enter);
    assert!(state.roster.captures_keys(), "a bad date keeps the prompt");
    assert!(fixture::render(&state, 80, 24).contains("from: cannot read"));
    clear(&mut state, &ledger);
    typed(&mut state, &ledger, "3-01");
    press(&mut state, &ledger, KeyCode::Enter);
    assert!(!state.roster.captures_keys());
    let wang = ledger.roster().unwrap().people[2].clone();
    assert_eq!(wang.name, "王部长");
    assert!(!wang.as_of(day(2026, 2, 28)).retired);
    assert!(wang.as_of(day(2026, 3, 1)).retired);
}

#[test]
fn adding_with_an_empty_date_is_on_the_roster_since_always() {
    let ledger = branch();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    step(&mut state, &ledger, Action::AddPerson, fixture::now());
    typed(&mut state, &ledger, "孙八");
    for _ in 0..5 {
        press(&mut state, &ledger, KeyCode::Tab);
    }
    assert!(fixture::render(&state, 80, 24).contains("留空＝自始在册"));
    clear(&mut state, &ledger);
    press(&mut state, &ledger, KeyCode::Enter);
    let sun = ledger.roster().unwrap().people.last().unwrap().clone();
    assert_eq!(sun.name, "孙八");
    assert_eq!(sun.joined(), None);
    assert!(!sun.as_of(day(2000, 1, 1)).retired);
}

#[test]
fn adding_from_today_joins_today() {
    let ledger = branch();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    step(&mut state, &ledger, Action::AddPerson, fixture::now());
    typed(&mut state, &ledger, "孙八");
    key(
        &mut state,
        &ledger,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );
    let sun = ledger.roster().unwrap().people.last().unwrap().clone();
    assert_eq!(sun.joined(), Some(fixture::today()));
}

/// 李副书记 with three dated changes of 分管, and the TUI on the roster.
fn with_history(lang: Lang) -> (Ledger<MemStore>, State) {
    let ledger = branch();
    let li = ledger.roster().unwrap().people[1].clone();
    for (m, oversees) in [(1, "办公室"), (2, "生产部"), (3, "办公室")] {
        let input = NewPerson {
            name: li.name.clone(),
            roles: vec!["副书记".into()],
            oversees: vec![oversees.into()],
            ..NewPerson::default()
        };
        ledger
            .edit_person_on(li.id, &input, None, Some(day(2026, m, 5)))
            .unwrap();
    }
    let state = fixture::state(&ledger, lang);
    (ledger, state)
}

#[test]
fn snapshots_of_the_form_with_history_and_the_retire_prompt() {
    for lang in [Lang::Zh, Lang::En] {
        let tag = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let (ledger, mut state) = with_history(lang);
        edit_row(&mut state, &ledger, 1);
        for (w, h) in [(80, 24), (120, 40)] {
            let shown = fixture::render(&state, w, h);
            assert!(
                shown.contains("2026-03-05"),
                "the newest change shows:\n{shown}"
            );
            insta::assert_snapshot!(format!("person_history_{tag}_{w}x{h}"), shown);
        }
        press(&mut state, &ledger, KeyCode::Esc);
        step(&mut state, &ledger, Action::RetirePerson, fixture::now());
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("retire_prompt_{tag}_{w}x{h}"),
                fixture::render(&state, w, h)
            );
        }
    }
}

/// Where there is no room for every change, the newest show under a count
/// of the earlier ones; with no room, the fields keep the screen.
#[test]
fn a_long_history_gives_way_to_a_count() {
    let (ledger, mut state) = with_history(Lang::Zh);
    edit_row(&mut state, &ledger, 1);
    let shown = fixture::render(&state, 80, 18);
    assert!(shown.contains("…另有较早的 2 条"), "{shown}");
    assert!(shown.contains("自 2026-03-05 起"), "{shown}");
    assert!(!shown.contains("自 2026-02-05 起"), "{shown}");
    // One row left: the newest change alone.
    let shown = fixture::render(&state, 80, 17);
    assert!(!shown.contains("另有"), "{shown}");
    assert!(shown.contains("自 2026-03-05 起"), "{shown}");
    // None left: the fields keep the screen.
    let shown = fixture::render(&state, 80, 15);
    assert!(!shown.contains("任职变动"), "{shown}");
    assert!(shown.contains("自何日起"), "{shown}");
}

#[test]
fn retiring_into_a_closed_year_is_refused_in_full() {
    let ledger = branch();
    ledger.close_year(2025).unwrap();
    let mut state = fixture::state(&ledger, Lang::Zh);
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    step(&mut state, &ledger, Action::Down, fixture::now());
    step(&mut state, &ledger, Action::Down, fixture::now()); // 王部长
    step(&mut state, &ledger, Action::RetirePerson, fixture::now());
    clear(&mut state, &ledger);
    typed(&mut state, &ledger, "2025-06-01");
    press(&mut state, &ledger, KeyCode::Enter);
    assert!(state.roster.captures_keys(), "the prompt stays");
    let shown = fixture::render(&state, 80, 24);
    // The message wraps under the prompt, nothing cut off.
    let joined: String = shown
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    assert!(
        joined.contains(
            "自何日起：2025年度已结账，当年及以前的名册已随之封存；请填 2026-01-01 或之后的日期"
        ),
        "{shown}"
    );
    assert!(!ledger.roster().unwrap().people[2].retired);
}

/// A closed year's view shows the roster as sealed: editing from it would
/// write those old values as new, so it says where to change the roster.
#[test]
fn a_closed_years_roster_is_read_only_in_its_view() {
    let ledger = branch();
    ledger.close_year(2025).unwrap();
    let view = ledger.year_view(2025, fixture::today()).unwrap();
    let mut state = State::new(view, Lang::Zh, taizhang::tui::Theme::new(false, false));
    step(&mut state, &ledger, Action::ShowRoster, fixture::now());
    for action in [Action::EditPerson, Action::AddPerson, Action::RetirePerson] {
        step(&mut state, &ledger, action, fixture::now());
        assert!(!state.roster.captures_keys(), "no form opens");
        let shown = fixture::render(&state, 80, 24);
        assert!(
            shown.contains("2025年度已结账，这是封存时的名册，不能修改"),
            "{shown}"
        );
    }
    step(&mut state, &ledger, Action::Down, fixture::now());
    assert!(!fixture::render(&state, 80, 24).contains("封存时的名册"));
}
