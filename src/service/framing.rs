//! Newline-delimited JSON on a stream, with size and time limits so that a
//! runaway or hostile peer can make neither side buffer without end nor hold
//! a half-sent message open. The limits live here, once.

use std::io::{self, BufRead, BufReader, ErrorKind, Read, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

/// The longest message before the greeting: a `Hello` is a few dozen bytes.
pub const MAX_GREETING: u64 = 4 * 1024;

/// The longest message (one line) either side accepts after the greeting.
/// A larger request or answer (an import, an export) goes as `Part`s of at
/// most `PART` bytes of its JSON text, which escaped stay well within it.
pub const MAX_MESSAGE: u64 = 4 * 1024 * 1024;

/// The JSON text one `Part` carries at most.
pub const PART: usize = 1024 * 1024;

/// The longest request a client may send in parts (the service holds it in
/// memory until its last part): a ledger of many years fits several times.
pub const MAX_REQUEST: u64 = 64 * 1024 * 1024;

/// `text` cut into pieces of at most `PART` bytes, at character boundaries.
pub fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > PART {
        let mut end = PART;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, tail) = rest.split_at(end);
        out.push(piece);
        rest = tail;
    }
    out.push(rest);
    out
}

/// A message that has begun must arrive in full within this long.
pub const MESSAGE_TIMEOUT: Duration = Duration::from_secs(10);

/// A new connection must greet within this long.
pub const GREETING_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a message could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Longer than the limit given.
    TooLarge(u64),
    /// Begun but not finished in time, or no greeting in time.
    TooSlow(Duration),
    /// The peer closed in the middle of a message.
    Cut,
    /// The connection failed (reset, or a socket option refused).
    Io,
}

/// One line without its newline, at most `limit` bytes; `None` at a clean end
/// of stream. Used where the stream has its own read timeout (the client).
pub fn read_line(reader: &mut impl BufRead, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(limit + 1)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        let why = if read as u64 > limit {
            "a message longer than the limit"
        } else {
            "a message cut off in the middle"
        };
        return Err(io::Error::new(ErrorKind::InvalidData, why));
    }
    line.pop();
    Ok(Some(line))
}

/// The service's read of one message: wait for its first byte at most
/// `wait` (`None` = as long as the client likes), then give the rest
/// `MESSAGE_TIMEOUT` in all and at most `limit` bytes.
pub fn read_message(
    reader: &mut BufReader<UnixStream>,
    limit: u64,
    wait: Option<Duration>,
) -> Result<Option<Vec<u8>>, ReadError> {
    let waited = wait.unwrap_or(MESSAGE_TIMEOUT);
    let stream_timeout = |r: &mut BufReader<UnixStream>, t: Option<Duration>| {
        r.get_ref().set_read_timeout(t).map_err(|_| ReadError::Io)
    };
    stream_timeout(reader, wait)?;
    let mut line = Vec::new();
    let mut deadline = None;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(ReadError::TooSlow(if deadline.is_some() {
                    MESSAGE_TIMEOUT
                } else {
                    waited
                }));
            }
            Err(_) => return Err(ReadError::Io),
        };
        if chunk.is_empty() {
            return if line.is_empty() && deadline.is_none() {
                Ok(None)
            } else {
                Err(ReadError::Cut)
            };
        }
        let (part, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(end) => (&chunk[..end], Some(end + 1)),
            None => (chunk, None),
        };
        if (line.len() + part.len()) as u64 > limit {
            return Err(ReadError::TooLarge(limit));
        }
        line.extend_from_slice(part);
        let used = done.unwrap_or(part.len());
        reader.consume(used);
        if done.is_some() {
            return Ok(Some(line));
        }
        let end = *deadline.get_or_insert_with(|| Instant::now() + MESSAGE_TIMEOUT);
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::TooSlow(MESSAGE_TIMEOUT));
        }
        stream_timeout(reader, Some(left))?;
    }
}

/// `value` as JSON: one line, or, past `PART` bytes, one line per piece,
/// each wrapped by `part(piece, last)`; flushed.
pub fn write_in_parts<T: serde::Serialize, P: serde::Serialize>(
    writer: &mut impl Write,
    value: &T,
    part: impl Fn(&str, bool) -> P,
) -> io::Result<()> {
    let text = serde_json::to_string(value).map_err(io::Error::other)?;
    if text.len() <= PART {
        let mut bytes = text.into_bytes();
        bytes.push(b'\n');
        writer.write_all(&bytes)?;
        return writer.flush();
    }
    let all = pieces(&text);
    let n = all.len();
    for (i, piece) in all.into_iter().enumerate() {
        let mut bytes = serde_json::to_vec(&part(piece, i + 1 == n)).map_err(io::Error::other)?;
        bytes.push(b'\n');
        writer.write_all(&bytes)?;
    }
    writer.flush()
}

/// `value` as one JSON line, flushed.
pub fn write_line<T: serde::Serialize>(writer: &mut impl Write, value: &T) -> io::Result<()> {
    let mut bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    writer.write_all(&bytes)?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_at_character_boundaries_and_join_back() {
        let text = "台账".repeat(PART / 3);
        let parts = pieces(&text);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.len() <= PART));
        assert_eq!(parts.concat(), text);
        assert_eq!(pieces("short"), vec!["short"]);
    }

    #[test]
    fn lines_round_trip_and_a_cut_line_is_an_error() {
        let mut buf = Vec::new();
        write_line(&mut buf, &vec![1, 2]).unwrap();
        write_line(&mut buf, &"x").unwrap();
        let mut r = io::Cursor::new(buf);
        assert_eq!(read_line(&mut r, MAX_MESSAGE).unwrap().unwrap(), b"[1,2]");
        assert_eq!(read_line(&mut r, MAX_MESSAGE).unwrap().unwrap(), b"\"x\"");
        assert!(read_line(&mut r, MAX_MESSAGE).unwrap().is_none());
        let mut cut = io::Cursor::new(b"{\"a\":".to_vec());
        assert!(read_line(&mut cut, MAX_MESSAGE).is_err());
    }

    #[test]
    fn a_message_past_the_limit_is_refused_before_it_is_all_read() {
        let (mut a, b) = UnixStream::pair().unwrap();
        // More than the limit, and no newline: the reader must stop at the
        // limit rather than wait for the end.
        a.write_all(&vec![b'x'; 64 * 1024]).unwrap();
        let mut r = BufReader::new(b);
        let got = read_message(&mut r, 1024, None);
        assert!(matches!(got, Err(ReadError::TooLarge(1024))), "{got:?}");
    }

    #[test]
    fn messages_split_across_reads_are_joined_and_a_closed_peer_ends_cleanly() {
        let (mut a, b) = UnixStream::pair().unwrap();
        a.write_all(b"{\"a\":").unwrap();
        a.write_all(b"1}\n\"b\"\n").unwrap();
        drop(a);
        let mut r = BufReader::new(b);
        assert_eq!(
            read_message(&mut r, 64, None).unwrap().unwrap(),
            b"{\"a\":1}"
        );
        assert_eq!(read_message(&mut r, 64, None).unwrap().unwrap(), b"\"b\"");
        assert!(read_message(&mut r, 64, None).unwrap().is_none());
    }

    #[test]
    fn a_half_sent_message_is_cut_and_a_silent_greeting_times_out() {
        let (mut a, b) = UnixStream::pair().unwrap();
        a.write_all(b"{\"half\":").unwrap();
        drop(a);
        let mut r = BufReader::new(b);
        assert!(matches!(
            read_message(&mut r, 64, None),
            Err(ReadError::Cut)
        ));
        let (_a, b) = UnixStream::pair().unwrap();
        let mut r = BufReader::new(b);
        let wait = Duration::from_millis(20);
        assert!(matches!(
            read_message(&mut r, 64, Some(wait)),
            Err(ReadError::TooSlow(w)) if w == wait
        ));
    }
}
