//! Small drawing pieces the screens share: the quota bar and text fitting by
//! display width.

pub mod quota_bar;
pub mod text;

pub use quota_bar::QuotaBar;
