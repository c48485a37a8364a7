//! The ready signal of a service started on demand: the client hands the
//! child a pipe as its stdout, and the service writes one byte to it once it
//! listens (its ledger open). The client blocks on that pipe: no sleeps, no
//! retry schedule. End of file without the byte means the child exited first.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

/// The byte a service writes when it is ready.
const READY: u8 = b'R';

/// What the client learned from the pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ready {
    /// The service listens on its socket.
    Listening,
    /// The child closed the pipe without the byte: it exited (or is exiting).
    Exited,
    /// Nothing within the time limit.
    TimedOut,
}

/// In the service: tell the client that started us that we listen, then
/// point stdout at /dev/null so that nothing else ever reaches its pipe.
pub(super) fn announce() {
    let mut out = std::io::stdout().lock();
    // A client that gave up has closed its end: nothing to tell then.
    let _ = out.write_all(&[READY]).and_then(|()| out.flush());
    drop(out);
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = nix::unistd::dup2_stdout(&null);
    }
}

/// In the client: wait until `deadline` for the child's byte on `pipe`.
pub(super) fn wait(pipe: &mut std::io::PipeReader, deadline: Instant) -> Ready {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ready::TimedOut;
        }
        let mut fds = [PollFd::new(pipe.as_fd(), PollFlags::POLLIN)];
        // Round up, so that the deadline is not missed by a millisecond.
        let timeout =
            PollTimeout::try_from(left + Duration::from_micros(999)).unwrap_or(PollTimeout::MAX);
        match poll(&mut fds, timeout) {
            Ok(0) => return Ready::TimedOut,
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return Ready::Exited,
        }
        let mut byte = [0u8; 1];
        match pipe.read(&mut byte) {
            Ok(0) => return Ready::Exited,
            Ok(_) if byte[0] == READY => return Ready::Listening,
            // Anything else on the pipe is not the service's word: keep waiting.
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Ready::Exited,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_an_exit_and_the_byte_is_ready() {
        let (mut r, w) = std::io::pipe().unwrap();
        drop(w);
        let soon = Instant::now() + Duration::from_secs(5);
        assert_eq!(wait(&mut r, soon), Ready::Exited);

        let (mut r, mut w) = std::io::pipe().unwrap();
        w.write_all(b"xR").unwrap();
        assert_eq!(wait(&mut r, soon), Ready::Listening);

        let (mut r, _w) = std::io::pipe().unwrap();
        let now = Instant::now() + Duration::from_millis(1);
        assert_eq!(wait(&mut r, now), Ready::TimedOut);
    }
}
