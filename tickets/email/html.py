"""HTML mail as readable text, by an HTML parser (BeautifulSoup), never by regexes."""

from bs4 import BeautifulSoup

# Elements that end a line when a mail client shows them, and those that end a paragraph.
_LINES = ("div", "li", "tr", "hr")
_PARAGRAPHS = ("p", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre")
_INVISIBLE = ("script", "style", "head", "title", "template")


def html_to_text(html: str) -> str:
    """The text a reader sees: paragraphs and line breaks kept, markup and scripts gone.

    Quoted mail (`<blockquote>`) comes out as `> ` lines, the way plain-text mail quotes,
    so the reply parser can strip it from a reply like any other quote.
    """
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_INVISIBLE):
        tag.decompose()
    for quote in soup.find_all("blockquote"):
        if quote.decomposed or quote.find_parent("blockquote"):
            continue  # inside an outer quote, which is quoted whole
        quoted = _tidy(quote.get_text("\n"))
        quote.replace_with("\n" + "\n".join(f"> {line}" for line in quoted.splitlines()) + "\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(_LINES):
        block.insert_after("\n")
    for block in soup.find_all(_PARAGRAPHS):
        block.insert_after("\n\n")
    return _tidy(soup.get_text())


def _tidy(text: str) -> str:
    """Lines without trailing blanks, at most one empty line in a row."""
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
