//! What each key does, in words for the help overlay and the footers: the
//! actions of the screens' keymaps and the commands of the forms' key table.

use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::keymap::FormCmd;

/// What a bound action does, for the help overlay and footer.
pub fn action(lang: Lang, a: &Action) -> &'static str {
    match a {
        Action::Quit => lang.pick("退出程序", "quit the app"),
        Action::Help => lang.pick("帮助", "help"),
        Action::Back => lang.pick("返回", "back"),
        Action::Open => lang.pick("查看", "open"),
        Action::NextPane => lang.pick("下一栏", "next pane"),
        Action::PrevPane => lang.pick("上一栏", "previous pane"),
        Action::NextScreen => lang.pick("下一界面", "next screen"),
        Action::PrevScreen => lang.pick("上一界面", "previous screen"),
        Action::Up => lang.pick("上移", "up"),
        Action::Down => lang.pick("下移", "down"),
        Action::Left => lang.pick("左栏", "left pane"),
        Action::Right => lang.pick("右栏", "right pane"),
        Action::Top => lang.pick("到顶", "top"),
        Action::Bottom => lang.pick("到底", "bottom"),
        Action::PageUp => lang.pick("上翻页", "page up"),
        Action::PageDown => lang.pick("下翻页", "page down"),
        Action::Filter => lang.pick("筛选", "filter"),
        Action::PrevYear => lang.pick("上一年", "previous year"),
        Action::NextYear => lang.pick("下一年", "next year"),
        Action::AddRecord => lang.pick("新增记录", "add record"),
        Action::EditRecord | Action::EditFix => lang.pick("编辑", "edit"),
        Action::DeleteRecord => lang.pick("删除", "delete"),
        Action::Undo => lang.pick("撤销删除", "undo delete"),
        Action::ShowOverview => lang.pick("总览", "overview"),
        Action::ShowChecklist => lang.pick("责任清单", "checklist"),
        Action::ShowRecords => lang.pick("记录", "records"),
        Action::ShowTalks => lang.pick("谈话矩阵", "talk matrix"),
        Action::ShowRoster => lang.pick("名册", "roster"),
        Action::ShowFixes => lang.pick("整改", "rectification"),
        Action::AddFix => lang.pick("新增整改", "add item"),
        Action::NoteFix => lang.pick("记进展", "add note"),
        Action::StartFix => lang.pick("开始整改", "start"),
        Action::RequestClosure => lang.pick("申请销号", "request closure"),
        Action::CloseFix => lang.pick("销号", "close"),
        Action::CycleFixFilter => lang.pick("切换范围", "open/overdue/all"),
        Action::FixKey(_) => lang.pick("填写整改", "rectification form"),
        Action::AddPerson => lang.pick("新增人员", "add person"),
        Action::EditPerson => lang.pick("编辑人员", "edit person"),
        Action::RetirePerson => lang.pick("移出名册", "retire"),
        Action::ToggleRetired => lang.pick("显示/隐藏已移出", "show/hide retired"),
        Action::Confirm => lang.pick("确定", "yes"),
        Action::Cancel => lang.pick("取消", "no"),
        Action::FilterAccept => lang.pick("确定筛选", "apply filter"),
        Action::FilterCancel => lang.pick("清除筛选", "clear filter"),
        Action::FilterBackspace => lang.pick("删字", "delete a character"),
        Action::FilterChar(_) => lang.pick("输入", "type"),
        Action::ShowHistory => lang.pick("变更记录", "history"),
        Action::ShowTrash => lang.pick("回收站", "trash"),
        Action::RestoreFromTrash => lang.pick("恢复", "restore"),
        Action::StartTalk => lang.pick("补记此谈话", "record this talk"),
        Action::RestoreDraft => lang.pick("恢复草稿", "restore draft"),
        Action::DiscardDraft => lang.pick("丢弃草稿", "discard draft"),
        Action::PickNext => lang.pick("选下一条记录", "pick next record"),
        Action::PickPrev => lang.pick("选上一条记录", "pick previous record"),
        Action::FormKey(_) | Action::SubmitRecord(_) => lang.pick("填写记录", "record form"),
        Action::RosterKey(_) => lang.pick("填写人员", "person form"),
        Action::Paste(_) => lang.pick("粘贴", "paste"),
    }
}

/// What a key of the forms' key table does, in general, for the help.
pub fn form_cmd(lang: Lang, c: FormCmd) -> &'static str {
    match c {
        FormCmd::Save => lang.pick("保存", "save"),
        FormCmd::Next => lang.pick("选用候选，或下一项", "accept, or next field"),
        FormCmd::Prev => lang.pick("上一项", "previous field"),
        FormCmd::Enter => lang.pick("选用/下一项/末项保存", "accept, next, or save at the end"),
        FormCmd::Up => lang.pick("上一项（列表中上移）", "previous field (up in a list)"),
        FormCmd::Down => lang.pick("下一项（列表中下移）", "next field (down in a list)"),
        FormCmd::Left | FormCmd::Right => lang.pick("选择类型或来源", "choose the kind or source"),
        FormCmd::Space => lang.pick("勾选", "tick"),
        FormCmd::Close => lang.pick("关闭候选，或取消", "close the list, or cancel"),
        FormCmd::Abandon => lang.pick("取消（有修改时先询问）", "cancel (asks if changed)"),
        FormCmd::Yes => lang.pick("是", "yes"),
        FormCmd::No => lang.pick("否", "no"),
    }
}
