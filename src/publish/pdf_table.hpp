#pragma once
// A titled table rendered to PDF bytes (A4 landscape) with Pango + Cairo, for printable
// bilingual lists: Chinese, pinyin and Latin text in one font, "Noto Sans CJK SC" (Debian's
// fonts-noto-cjk), embedded as subsets with a ToUnicode map so the text can be searched and
// copied. The header row is repeated on each page; a row is never split across pages unless
// it is taller than a page by itself, and then only between lines of text. Equal input gives
// byte-identical output: the only date written is `created`.
#include <string>
#include <vector>

#include "core/status.hpp"

namespace jz::publish {

struct PdfTable {
  std::string title;                           // UTF-8, mixes Chinese and Latin; every page
  std::string subtitle;                        // e.g. the occasion and date; every page
  std::vector<std::string> columns;            // header labels, e.g. "姓名 Name"
  std::vector<double> widths;                  // relative column widths, one per column, > 0
  std::vector<std::vector<std::string>> rows;  // one cell per column; '\n' breaks a line
  std::string footer;                          // every page, left; "page N / M" on the right
  std::string created;  // "YYYY-MM-DDTHH:MM:SSZ", the PDF's creation and modification date
};

// The PDF file's bytes. Invalid input is kInvalid with a message naming the row and column
// (counted from 1): a row with the wrong number of cells, widths that do not match the
// columns or are not positive, text that is not UTF-8 or holds a character no installed font
// has (it would print as a box), a malformed `created`, a title or header so tall that no
// row fits under it. A missing Noto Sans CJK SC, or a cairo, HarfBuzz or FreeType failure,
// is kInternal. Safe to call from several threads at once; takes ~30 ms for 30 rows.
Result<std::string> render_pdf(const PdfTable& table);

}  // namespace jz::publish
