//! A lean terminal backend: ratatui's crossterm backend, except that drawing
//! knows a wide (CJK) character moves the cursor two columns and sends the
//! 16 colours as classic SGR codes in one sequence per style change. Chinese
//! text then costs its UTF-8 bytes, not a cursor move per character, which
//! matters over SSH.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> Wire<W> {
    pub fn new(writer: W) -> Self {
        Wire {
            inner: CrosstermBackend::new(writer),
        }
    }
}

/// SGR parameters of a colour; `None` for the default (which `0` restores).
fn color_code(c: Color, background: bool) -> Option<String> {
    let base = |n: u8| Some((if background { n + 10 } else { n }).to_string());
    let ext = if background { 48 } else { 38 };
    match c {
        Color::Reset => None,
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Indexed(i) => Some(format!("{ext};5;{i}")),
        Color::Rgb(r, g, b) => Some(format!("{ext};2;{r};{g};{b}")),
    }
}

/// A cell's style as the wire sees it: modifiers, foreground, background.
type Sgr = (Modifier, Color, Color);

const MODIFIERS: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// One SGR sequence from style `from` to `to`: only what is added or
/// changed while no modifier goes away, else a reset and the whole style.
fn sgr(from: Sgr, to: Sgr) -> String {
    let ((m0, f0, b0), (m1, f1, b1)) = (from, to);
    let keep = m1.contains(m0);
    let mut codes: Vec<String> = if keep { Vec::new() } else { vec!["0".into()] };
    for (m, code) in MODIFIERS {
        if m1.contains(m) && !(keep && m0.contains(m)) {
            codes.push(code.to_string());
        }
    }
    if !keep || f1 != f0 {
        codes.extend(color_code(f1, false).or_else(|| keep.then(|| "39".into())));
    }
    if !keep || b1 != b0 {
        codes.extend(color_code(b1, true).or_else(|| keep.then(|| "49".into())));
    }
    if codes.is_empty() {
        codes.push("0".into());
    }
    format!("\x1b[{}m", codes.join(";"))
}

impl<W: Write> Backend for Wire<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut style = (Modifier::empty(), Color::Reset, Color::Reset);
        let mut cursor: Option<(u16, u16)> = None;
        let w = &mut self.inner;
        for (x, y, cell) in content {
            match cursor {
                Some(at) if at == (x, y) => {}
                // Further along the same row: a cursor-forward is shorter
                // than an absolute move (3 bytes instead of about 8).
                Some((cx, cy)) if cy == y && x > cx => match x - cx {
                    1 => w.write_all(b"\x1b[C")?,
                    n => write!(w, "\x1b[{n}C")?,
                },
                _ => write!(w, "\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1)?,
            }
            let want = (cell.modifier, cell.fg, cell.bg);
            if want != style {
                w.write_all(sgr(style, want).as_bytes())?;
                style = want;
            }
            let symbol = cell.symbol();
            w.write_all(symbol.as_bytes())?;
            let advance = u16::try_from(symbol.width().max(1)).unwrap_or(1);
            cursor = Some((x.saturating_add(advance), y));
        }
        if style != (Modifier::empty(), Color::Reset, Color::Reset) {
            w.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::cell::RefCell;
    use std::rc::Rc;

    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn drawn(cells: &[(u16, u16, Cell)]) -> String {
        let out = Shared::default();
        let mut wire = Wire::new(out.clone());
        wire.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        Backend::flush(&mut wire).unwrap();
        String::from_utf8(out.0.borrow().clone()).unwrap()
    }

    #[test]
    fn wide_characters_need_no_cursor_moves() {
        let cells = [
            (0, 0, Cell::new("书")),
            (2, 0, Cell::new("记")),
            (4, 0, Cell::new("a")),
            (6, 0, Cell::new("b")),
        ];
        assert_eq!(drawn(&cells), "\x1b[1;1H书记a\x1b[Cb");
    }

    #[test]
    fn gaps_in_a_row_move_forward_and_other_rows_move_absolutely() {
        let cells = [
            (0, 0, Cell::new("a")),
            (5, 0, Cell::new("b")),
            (2, 1, Cell::new("c")),
            (0, 1, Cell::new("d")),
        ];
        assert_eq!(drawn(&cells), "\x1b[1;1Ha\x1b[4Cb\x1b[2;3Hc\x1b[2;1Hd");
    }

    #[test]
    fn styles_are_one_sgr_each_and_reset_at_the_end() {
        let mut red = Cell::new("x");
        red.set_fg(Color::Red).set_style(Modifier::BOLD);
        let plain = Cell::new("y");
        let cells = [(0, 1, red), (1, 1, plain)];
        assert_eq!(drawn(&cells), "\x1b[2;1H\x1b[1;31mx\x1b[0my");
    }

    #[test]
    fn a_style_change_sends_only_what_changed() {
        let plain = (Modifier::empty(), Color::Reset, Color::Reset);
        let cyan = (Modifier::empty(), Color::Cyan, Color::Reset);
        let bold_cyan = (Modifier::BOLD, Color::Cyan, Color::Reset);
        let grey = (Modifier::empty(), Color::DarkGray, Color::Reset);
        assert_eq!(sgr(plain, cyan), "\x1b[36m");
        assert_eq!(sgr(cyan, bold_cyan), "\x1b[1m");
        assert_eq!(sgr(cyan, grey), "\x1b[90m");
        assert_eq!(sgr(cyan, plain), "\x1b[39m");
        // A modifier that goes away needs a reset and the whole style.
        assert_eq!(sgr(bold_cyan, grey), "\x1b[0;90m");
        assert_eq!(sgr(bold_cyan, plain), "\x1b[0m");
    }
}
