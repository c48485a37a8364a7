//! Words of the ledger service's commands (`serve`, `init-shared`), in
//! Chinese and English. The service's log stays in English.

use std::path::Path;

use crate::i18n::Lang;
use crate::service::Stopped;
use crate::store::Sharing;

/// `taizhang serve` ended normally.
pub fn stopped(lang: Lang, dir: &Path, why: Stopped) -> String {
    let d = dir.display();
    match (lang, why) {
        (Lang::Zh, Stopped::Idle) => format!("台账服务（{d}）空闲，已退出"),
        (Lang::Zh, Stopped::Signal) => format!("台账服务（{d}）收到停止信号，已退出"),
        (Lang::Zh, Stopped::SocketGone) => {
            format!("台账服务（{d}）的套接字文件已被删除，服务已退出")
        }
        (Lang::En, Stopped::Idle) => format!("ledger service for {d} stopped: idle"),
        (Lang::En, Stopped::Signal) => format!("ledger service for {d} stopped on a signal"),
        (Lang::En, Stopped::SocketGone) => {
            format!("ledger service for {d} stopped: its socket file was removed")
        }
    }
}

/// `taizhang serve` found another process holding the ledger.
pub fn already_running(lang: Lang, dir: &Path, detail: &str) -> String {
    let d = dir.display();
    match lang {
        Lang::Zh => format!("台账 {d} 已由其他进程打开（{detail}），本服务不再启动"),
        Lang::En => format!(
            "the ledger {d} is already held by another process ({detail}); not starting a second service"
        ),
    }
}

/// `taizhang init-shared` succeeded.
pub fn shared(lang: Lang, dir: &Path, sharing: &Sharing) -> String {
    let group = sharing.group.as_deref().unwrap_or_default();
    let (d, f, s) = (
        sharing.dir_mode(),
        sharing.file_mode(),
        sharing.socket_mode(),
    );
    let base = match lang {
        Lang::Zh => format!(
            "台账 {} 已与用户组 {group} 共享：目录 {d:04o}，文件 {f:04o}，套接字 {s:04o}。组内成员只能通过台账服务使用台账，拿不到数据库、锁或备份文件。",
            dir.display()
        ),
        Lang::En => format!(
            "the ledger {} is now shared with the group {group}: directory {d:04o}, files {f:04o}, socket {s:04o}. Members use the ledger only through its service and get no handle on the database, the lock or the backups. ",
            dir.display()
        ),
    };
    let how = match (lang, &sharing.service_user) {
        (Lang::Zh, Some(user)) => format!("台账服务以服务用户 {user} 的身份运行，步骤如下。"),
        (Lang::En, Some(user)) => {
            format!("The service runs as the service user {user}; the steps follow.")
        }
        (Lang::Zh, None) => "台账服务以所有者身份运行：所有者运行任一 taizhang 命令即会启动它；如需所有者不在时也可用，请用 --service-user 配置 systemd 套接字激活，或由所有者运行 `taizhang serve --idle-exit 0` 常驻".into(),
        (Lang::En, None) => "The service runs as the owner: any taizhang command the owner runs starts it; to keep it available while the owner is away, set up systemd socket activation with --service-user, or the owner runs `taizhang serve --idle-exit 0`".into(),
    };
    base + &how
}

/// `init-shared --service-user`: the steps that install the printed units.
/// `owned` is true when the ledger was already given to the user (as root).
pub fn activation_steps(lang: Lang, dir: &Path, user: &str, group: &str, owned: bool) -> String {
    let d = dir.display();
    let chown = format!("sudo chown -R {user}:{group} {d}");
    let install = "sudo systemctl daemon-reload && sudo systemctl enable --now taizhang.socket";
    match lang {
        Lang::Zh => {
            let first = if owned {
                format!("1. 台账已交给服务用户 {user}（{user}:{group}）。")
            } else {
                format!("1. 把台账交给服务用户：{chown}")
            };
            format!(
                "\n用 systemd 套接字激活运行台账服务（以 {user} 身份，任何成员连接时自动启动）：\n{first}\n2. 把下面两个文件分别保存为 /etc/systemd/system/taizhang.socket 和 /etc/systemd/system/taizhang.service。\n3. 启用：{install}\n4. 检查：组内任一成员运行 `taizhang --db {d} status`。\n不用 systemd 时：以 {user} 身份常驻运行 `sudo -u {user} taizhang --db {d} serve --idle-exit 0`。\n"
            )
        }
        Lang::En => {
            let first = if owned {
                format!("1. The ledger now belongs to the service user ({user}:{group}).")
            } else {
                format!("1. Give the ledger to the service user: {chown}")
            };
            format!(
                "\nTo run the ledger service with systemd socket activation (as {user}, started when any member connects):\n{first}\n2. Save the two files below as /etc/systemd/system/taizhang.socket and /etc/systemd/system/taizhang.service.\n3. Enable: {install}\n4. Check: any member of the group runs `taizhang --db {d} status`.\nWithout systemd: keep `sudo -u {user} taizhang --db {d} serve --idle-exit 0` running.\n"
            )
        }
    }
}
