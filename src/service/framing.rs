//! Newline-delimited JSON on a stream, with a size limit so that a runaway or
//! hostile peer cannot make the other side buffer without end.

use std::io::{self, BufRead, Read, Write};

/// The longest line either side accepts (a whole-ledger import fits easily).
pub const MAX_LINE: u64 = 256 * 1024 * 1024;

/// One line without its newline; `None` at a clean end of stream.
pub fn read_line(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(MAX_LINE + 1)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        let why = if read as u64 > MAX_LINE {
            "a message longer than the limit"
        } else {
            "a message cut off in the middle"
        };
        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
    }
    line.pop();
    Ok(Some(line))
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
    fn lines_round_trip_and_a_cut_line_is_an_error() {
        let mut buf = Vec::new();
        write_line(&mut buf, &vec![1, 2]).unwrap();
        write_line(&mut buf, &"x").unwrap();
        let mut r = io::Cursor::new(buf);
        assert_eq!(read_line(&mut r).unwrap().unwrap(), b"[1,2]");
        assert_eq!(read_line(&mut r).unwrap().unwrap(), b"\"x\"");
        assert!(read_line(&mut r).unwrap().is_none());
        let mut cut = io::Cursor::new(b"{\"a\":".to_vec());
        assert!(read_line(&mut cut).is_err());
    }
}
