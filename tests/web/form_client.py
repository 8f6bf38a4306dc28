"""A browser without JavaScript: reads a page's forms and submits them, as a plain phone would.

Used by the phone-flow tests and the room benchmark: it only follows what the HTML offers
(forms, their hidden fields, the button pressed), so a test that passes with it proves the
page works with JavaScript switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    """One `<form>`: where it posts, its fields, and its submit buttons."""

    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    """Hidden and text fields (name, value), checked boxes included, in page order."""
    boxes: list[tuple[str, str]] = field(default_factory=list)
    """Every checkbox (name, value), checked or not."""
    buttons: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """Submit buttons: (name, value, text, disabled)."""
    textareas: list[tuple[str, str]] = field(default_factory=list)

    def button(
        self, text: str | None = None, *, name: str | None = None, value: str | None = None
    ) -> tuple[str, str]:
        """The (name, value) of the first enabled button matching `text`, `name` and `value`."""
        for b_name, b_value, b_text, disabled in self.buttons:
            if disabled:
                continue
            if text is not None and text not in b_text:
                continue
            if name is not None and b_name != name:
                continue
            if value is not None and b_value != value:
                continue
            return b_name, b_value
        raise AssertionError(f"no enabled button {text!r} {name!r}={value!r} in {self.buttons}")

    def data(
        self,
        pressed: tuple[str, str] | None = None,
        *,
        fill: dict[str, str] | None = None,
        check: tuple[str, ...] | None = None,
    ) -> list[tuple[str, str]]:
        """What the browser sends: the fields (some filled in), checked boxes, the button."""
        fill = fill or {}
        sent = []
        seen: set[str] = set()
        for name, value in self.fields:
            if name in fill and name not in seen:
                sent.append((name, fill[name]))
                seen.add(name)
            elif name not in fill:
                sent.append((name, value))
        for name, value in self.textareas:
            sent.append((name, fill.get(name, value)))
            seen.add(name)
        for name, value in fill.items():
            if name not in seen and all(name != n for n, _ in self.fields):
                sent.append((name, value))
        if check is not None:
            sent = [(n, v) for n, v in sent if (n, v) not in self.boxes]
            sent += [(n, v) for n, v in self.boxes if v in check]
        if pressed is not None and pressed[0]:
            sent.append(pressed)
        return sent


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._button: list[str] | None = None
        self._button_text: list[str] = []
        self._textarea: list[str] | None = None
        self._textarea_text: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                self._form.boxes.append((a.get("name", ""), a.get("value", "on")))
                if "checked" in a:
                    self._form.fields.append((a.get("name", ""), a.get("value", "on")))
            elif kind == "submit":
                self._form.buttons.append(
                    (a.get("name", ""), a.get("value", ""), a.get("value", ""), "disabled" in a)
                )
            elif "name" in a:
                self._form.fields.append((a["name"], a.get("value", "")))
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._button = [a.get("name", ""), a.get("value", ""), "disabled" in a]  # type: ignore[list-item]
            self._button_text = []
        elif tag == "textarea":
            self._textarea = [a.get("name", "")]
            self._textarea_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "button" and self._button is not None and self._form is not None:
            name, value, disabled = self._button
            text = " ".join("".join(self._button_text).split())
            self._form.buttons.append((name, value, text, bool(disabled)))
            self._button = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.textareas.append((self._textarea[0], "".join(self._textarea_text)))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button_text.append(data)
        if self._textarea is not None:
            self._textarea_text.append(data)
        self.text.append(data)


def read_forms(html: str) -> list[Form]:
    """The forms of a page."""
    reader = _Reader()
    reader.feed(html)
    return reader.forms


def visible_text(html: str) -> str:
    """The page's text, whitespace folded (what a person reads, tags and attributes gone)."""
    reader = _Reader()
    reader.feed(html)
    return " ".join(" ".join(reader.text).split())
