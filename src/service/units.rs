//! The systemd units that run a shared ledger's service as a dedicated user,
//! started by socket activation for any member (`init-shared --service-user`).

use std::path::Path;

/// The two unit files, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Units {
    pub socket: String,
    pub service: String,
}

/// How long the activated service stays after its last client.
const ACTIVATED_IDLE_EXIT_SECS: u64 = 300;

/// Units for the ledger at `dir`, served by `program` as `user`:`group`.
pub fn units(dir: &Path, program: &Path, user: &str, group: &str) -> Units {
    let d = dir.display();
    let socket = format!(
        "# /etc/systemd/system/taizhang.socket\n\
         [Unit]\n\
         Description=taizhang ledger socket for {d}\n\
         \n\
         [Socket]\n\
         ListenStream={d}/{sock}\n\
         SocketUser={user}\n\
         SocketGroup={group}\n\
         SocketMode=0660\n\
         RemoveOnStop=yes\n\
         \n\
         [Install]\n\
         WantedBy=sockets.target\n",
        sock = super::SOCKET_FILE
    );
    let service = format!(
        "# /etc/systemd/system/taizhang.service\n\
         [Unit]\n\
         Description=taizhang ledger service for {d}\n\
         Requires=taizhang.socket\n\
         After=taizhang.socket\n\
         \n\
         [Service]\n\
         Type=simple\n\
         User={user}\n\
         Group={group}\n\
         UMask=0077\n\
         ExecStart={p} --db {d} serve --idle-exit {ACTIVATED_IDLE_EXIT_SECS}\n\
         NoNewPrivileges=yes\n\
         PrivateTmp=yes\n\
         ProtectSystem=strict\n\
         ReadWritePaths={d}\n",
        p = program.display()
    );
    Units { socket, service }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_name_the_socket_the_user_and_the_ledger() {
        let u = units(
            Path::new("/srv/branch"),
            Path::new("/usr/bin/taizhang"),
            "taizhang",
            "branch",
        );
        assert!(
            u.socket
                .contains("ListenStream=/srv/branch/taizhang.sock\n")
        );
        assert!(
            u.socket
                .contains("SocketUser=taizhang\nSocketGroup=branch\nSocketMode=0660\n")
        );
        assert!(u.service.contains("User=taizhang\nGroup=branch\n"));
        assert!(
            u.service
                .contains("ExecStart=/usr/bin/taizhang --db /srv/branch serve --idle-exit 300\n")
        );
    }
}
