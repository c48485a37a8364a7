//! The roles a person can hold on the roster, with their zh and en names and
//! the spellings accepted as input.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Secretary,
    DeputySecretary,
    CommitteeMember,
    /// 组织委员 (支部工作条例 sets the committee up as 书记, 组织委员,
    /// 宣传委员 and 纪检委员).
    OrganizationMember,
    /// 宣传委员.
    PropagandaMember,
    DisciplineMember,
    Leader,
    DeptHead,
    Member,
    Probationary,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Secretary,
        Role::DeputySecretary,
        Role::CommitteeMember,
        Role::OrganizationMember,
        Role::PropagandaMember,
        Role::DisciplineMember,
        Role::Leader,
        Role::DeptHead,
        Role::Member,
        Role::Probationary,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Role::Secretary => "书记",
            Role::DeputySecretary => "副书记",
            Role::CommitteeMember => "委员",
            Role::OrganizationMember => "组织委员",
            Role::PropagandaMember => "宣传委员",
            Role::DisciplineMember => "纪检委员",
            Role::Leader => "班子成员",
            Role::DeptHead => "部门负责人",
            Role::Member => "党员",
            Role::Probationary => "预备党员",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Role::Secretary => "secretary",
            Role::DeputySecretary => "deputy secretary",
            Role::CommitteeMember => "committee member",
            Role::OrganizationMember => "organization member",
            Role::PropagandaMember => "propaganda member",
            Role::DisciplineMember => "discipline member",
            Role::Leader => "leadership member",
            Role::DeptHead => "department head",
            Role::Member => "member",
            Role::Probationary => "probationary member",
        }
    }

    /// Plain membership (党员, 预备党员): giving it to a new person is no
    /// administrative act; every other role is (`access::Act::Roles`).
    pub fn is_ordinary(self) -> bool {
        matches!(self, Role::Member | Role::Probationary)
    }

    pub fn parse(input: &str) -> Option<Role> {
        let s = input.trim();
        let snake = s.replace([' ', '-'], "_");
        Role::ALL.into_iter().find(|r| {
            r.zh() == s
                || r.en().eq_ignore_ascii_case(s)
                || r.en().replace(' ', "_").eq_ignore_ascii_case(&snake)
                || (*r == Role::Leader && (s == "班子" || s.eq_ignore_ascii_case("leader")))
                || (*r == Role::DeptHead && s.eq_ignore_ascii_case("head"))
                || (*r == Role::OrganizationMember && s.eq_ignore_ascii_case("organizer"))
                || (*r == Role::PropagandaMember && s.eq_ignore_ascii_case("propaganda"))
        })
    }
}
