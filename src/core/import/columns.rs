//! Which column of an imported table holds which field, found by header name
//! in Chinese or English, with the variants real sheets use (会议类型, 参会人员
//! …). The export's own bookkeeping columns (序号, 录入人 …) are ignored; any
//! other column is an extra whose cells go into the record's notes.

use crate::core::error::Field;

/// A column the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    Kind,
    Topic,
    Host,
    Attendees,
    Absentees,
    Partners,
    Duties,
    Notes,
    Evidence,
    /// 所属年度.
    Covers,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Date,
        Column::Kind,
        Column::Topic,
        Column::Host,
        Column::Attendees,
        Column::Absentees,
        Column::Partners,
        Column::Duties,
        Column::Notes,
        Column::Evidence,
        Column::Covers,
    ];

    /// Columns a file must have.
    pub const REQUIRED: [Column; 2] = [Column::Date, Column::Kind];

    pub fn field(self) -> Field {
        match self {
            Column::Date => Field::Date,
            Column::Kind => Field::Kind,
            Column::Topic => Field::Topic,
            Column::Host => Field::Host,
            Column::Attendees => Field::Attendees,
            Column::Absentees => Field::Absentees,
            Column::Partners => Field::Partners,
            Column::Duties => Field::Duties,
            Column::Notes => Field::Notes,
            Column::Evidence => Field::Evidence,
            Column::Covers => Field::Covers,
        }
    }

    pub fn of_field(field: Field) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.field() == field)
    }

    /// Header names accepted for the column, lower case without spaces.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Date => &[
                "日期",
                "时间",
                "会议日期",
                "会议时间",
                "活动日期",
                "活动时间",
                "学习日期",
                "学习时间",
                "谈话日期",
                "谈话时间",
                "date",
            ],
            Column::Kind => &[
                "类型",
                "类别",
                "会议类型",
                "活动类型",
                "记录类型",
                "会议类别",
                "活动类别",
                "形式",
                "kind",
                "type",
            ],
            Column::Topic => &[
                "主题",
                "会议主题",
                "内容",
                "活动主题",
                "学习主题",
                "学习内容",
                "会议内容",
                "活动内容",
                "议题",
                "谈话内容",
                "topic",
                "subject",
            ],
            Column::Host => &[
                "主持人",
                "主讲人",
                "谈话人",
                "主持",
                "授课人",
                "报告人",
                "host",
            ],
            Column::Attendees => &[
                "参加人员",
                "参会人员",
                "出席人员",
                "参加人",
                "参会人",
                "出席人",
                "与会人员",
                "参学人员",
                "attendees",
            ],
            Column::Absentees => &[
                "缺席人员",
                "缺席",
                "缺席人员及原因",
                "请假人员",
                "absentees",
                "absent",
            ],
            Column::Partners => &[
                "谈话对象",
                "对象",
                "被谈话人",
                "涉及人员",
                "with",
                "partners",
                "partner",
                "talkpartner",
                "talkpartners",
            ],
            Column::Duties => &["计入职责", "职责", "duties", "duty"],
            Column::Notes => &["备注", "notes", "note"],
            Column::Evidence => &["佐证材料", "佐证", "evidence"],
            Column::Covers => &["所属年度", "yearcovered", "year_covered"],
        }
    }

    fn matches(self, header: &str) -> bool {
        let h = normalize(header);
        self.names().iter().any(|n| *n == h)
    }
}

/// Columns the export writes for its own bookkeeping, read back as nothing.
const IGNORED: [&str; 10] = [
    "序号",
    "编号",
    "录入人",
    "录入时间",
    "id",
    "no",
    "no.",
    "enteredby",
    "enteredat",
    "#",
];

/// Header text as compared: no BOM, spaces, `*` marks, or case.
fn normalize(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each known column sits in the file (0-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    at: Vec<(Column, usize)>,
    /// The header as the file spells it, for messages.
    pub header: Vec<String>,
    /// Columns that name no field (应到人数, 记录人 …): their cells are kept
    /// in the record's notes as `列名：内容`.
    pub extra: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("required columns missing: {0:?}")]
    Missing(Vec<Column>),
    #[error("column {column:?} appears twice (columns {first} and {second})")]
    Twice {
        column: Column,
        first: usize,
        second: usize,
    },
}

impl Columns {
    pub fn from_header(header: &[String]) -> Result<Columns, HeaderError> {
        let mut at: Vec<(Column, usize)> = Vec::new();
        let mut extra = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let Some(column) = Column::ALL.into_iter().find(|c| c.matches(h)) else {
                let name = normalize(h);
                if !name.is_empty() && !IGNORED.contains(&name.as_str()) {
                    extra.push(i);
                }
                continue;
            };
            if let Some((_, first)) = at.iter().find(|(c, _)| *c == column) {
                return Err(HeaderError::Twice {
                    column,
                    first: *first,
                    second: i,
                });
            }
            at.push((column, i));
        }
        let missing: Vec<Column> = Column::REQUIRED
            .into_iter()
            .filter(|c| !at.iter().any(|(have, _)| have == c))
            .collect();
        if !missing.is_empty() {
            return Err(HeaderError::Missing(missing));
        }
        Ok(Columns {
            at,
            header: header.to_vec(),
            extra,
        })
    }

    pub fn index(&self, column: Column) -> Option<usize> {
        self.at.iter().find(|(c, _)| *c == column).map(|(_, i)| *i)
    }

    /// The column holding `field`, if the file has one.
    pub fn index_of(&self, field: Field) -> Option<usize> {
        Column::of_field(field).and_then(|c| self.index(c))
    }
}

/// A spreadsheet's column letter for a 0-based index: 0 → A, 26 → AA.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn finds_columns_in_either_language() {
        let c = Columns::from_header(&header(&["\u{feff}编号", "日期", "Kind", " 主持人 ", "x"]))
            .unwrap();
        assert_eq!(c.index(Column::Date), Some(1));
        assert_eq!(c.index(Column::Kind), Some(2));
        assert_eq!(c.index(Column::Host), Some(3));
        assert_eq!(c.index(Column::Topic), None);
        assert_eq!(c.extra, [4], "编号 is the export's own; x is kept");
        let c = Columns::from_header(&header(&[
            "序号",
            "会议时间",
            "会议类型",
            "参会人员",
            "应到人数",
        ]))
        .unwrap();
        assert_eq!(c.index(Column::Date), Some(1));
        assert_eq!(c.index(Column::Kind), Some(2));
        assert_eq!(c.index(Column::Attendees), Some(3));
        assert_eq!(c.extra, [4]);
    }

    #[test]
    fn date_and_kind_are_required_and_unique() {
        assert_eq!(
            Columns::from_header(&header(&["主题", "date"])),
            Err(HeaderError::Missing(vec![Column::Kind]))
        );
        assert!(matches!(
            Columns::from_header(&header(&["日期", "类型", "date"])),
            Err(HeaderError::Twice {
                column: Column::Date,
                ..
            })
        ));
    }

    #[test]
    fn letters_follow_spreadsheets() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
    }
}
