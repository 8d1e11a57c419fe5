#include "publish/pdf_table.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string_view>
#include <utility>

#include "core/utf8.hpp"

namespace jz::publish {
namespace {

// Everything is in PDF points (1/72 inch). A4 landscape.
constexpr double kPageWidth = 841.8898;
constexpr double kPageHeight = 595.2756;
constexpr double kMargin = 36;
constexpr double kTableWidth = kPageWidth - 2 * kMargin;
constexpr double kPadX = 4;
constexpr double kPadY = 2.5;
constexpr double kGapAfterTitle = 2;
constexpr double kGapBeforeTable = 8;
constexpr double kGapAboveFooter = 6;
// Less room than this for rows under the title and header is a mistake in the input.
constexpr double kMinBody = 72;
// A row taller than a page starts on the current page only if this much room is left.
constexpr double kMinStartOfTallRow = 48;
constexpr double kRule = 0.5;

constexpr const char* kFamily = "Noto Sans CJK SC";
constexpr const char* kTitleFont = "Noto Sans CJK SC Bold 16";
constexpr const char* kSubtitleFont = "Noto Sans CJK SC 10";
constexpr const char* kHeaderFont = "Noto Sans CJK SC Bold 9";
constexpr const char* kBodyFont = "Noto Sans CJK SC 9";
constexpr const char* kFooterFont = "Noto Sans CJK SC 7.5";

double points(int pango_units) {
  return static_cast<double>(pango_units) / PANGO_SCALE;
}
int pango_units(double pts) {
  return static_cast<int>(std::lround(pts * PANGO_SCALE));
}

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct LayoutIterFree {
  void operator()(PangoLayoutIter* i) const { pango_layout_iter_free(i); }
};
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using FontPtr = std::unique_ptr<PangoFont, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using FontDescPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;

std::string row_name(std::size_t r) {
  return "row " + std::to_string(r + 1);
}

std::string cell_name(const PdfTable& t, std::size_t r, std::size_t c) {
  return row_name(r) + ", column " + std::to_string(c + 1) + " (" + t.columns[c] + ")";
}

// Text that Pango will take: valid UTF-8 without NUL (Pango would stop there).
Status check_text(std::string_view text, const std::string& where) {
  if (auto bad = first_invalid_utf8(text)) {
    return Status::invalid(where + ": not valid UTF-8 at byte " + std::to_string(*bad));
  }
  if (text.find('\0') != std::string_view::npos) {
    return Status::invalid(where + ": contains a NUL byte");
  }
  return Status::ok();
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int lo, int hi) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  return v >= lo && v <= hi;
}

// "YYYY-MM-DDTHH:MM:SSZ" exactly: the one date in the file, so equal input gives equal bytes.
Status check_created(std::string_view s) {
  static constexpr std::string_view kShape = "0000-00-00T00:00:00Z";
  bool ok = s.size() == kShape.size();
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    if (kShape[i] != '0') ok = s[i] == kShape[i];
  }
  ok = ok && digits(s, 0, 4, 1, 9999) && digits(s, 5, 2, 1, 12) && digits(s, 8, 2, 1, 31) &&
       digits(s, 11, 2, 0, 23) && digits(s, 14, 2, 0, 59) && digits(s, 17, 2, 0, 59);
  if (!ok) {
    return Status::invalid("created: \"" + std::string(s) +
                           "\" is not a date and time like 2024-06-04T00:00:00Z");
  }
  return Status::ok();
}

Status check_table(const PdfTable& t) {
  if (t.columns.empty()) return Status::invalid("the table has no columns");
  if (t.widths.size() != t.columns.size()) {
    return Status::invalid("the table has " + std::to_string(t.columns.size()) + " columns but " +
                           std::to_string(t.widths.size()) + " widths");
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    JZ_RETURN_IF_ERROR(check_text(t.columns[c], "column " + std::to_string(c + 1)));
  }
  for (std::size_t c = 0; c < t.widths.size(); ++c) {
    if (!std::isfinite(t.widths[c]) || t.widths[c] <= 0) {
      return Status::invalid("width " + std::to_string(c + 1) + " (" + t.columns[c] +
                             ") must be a positive number");
    }
  }
  JZ_RETURN_IF_ERROR(check_created(t.created));
  JZ_RETURN_IF_ERROR(check_text(t.title, "title"));
  JZ_RETURN_IF_ERROR(check_text(t.subtitle, "subtitle"));
  JZ_RETURN_IF_ERROR(check_text(t.footer, "footer"));
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r].size() != t.columns.size()) {
      return Status::invalid(row_name(r) + " has " + std::to_string(t.rows[r].size()) +
                             " cells but the table has " + std::to_string(t.columns.size()) +
                             " columns");
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      JZ_RETURN_IF_ERROR(check_text(t.rows[r][c], cell_name(t, r, c)));
    }
  }
  return Status::ok();
}

// Cairo 1.16's CFF subsetter embeds every subroutine of a font as soon as it cannot follow
// the hints of one glyph, which happens with Noto Sans CJK whenever a page has "I", "L" and a
// Han character: about 0.9 MB per weight instead of a few kilobytes. So each font is first cut
// down here with HarfBuzz to the glyphs used, without subroutines, and those glyphs are drawn
// from the small font; cairo then embeds it as it is. Positions still come from Pango.
class SubsetFonts {
 public:
  SubsetFonts() = default;
  SubsetFonts(const SubsetFonts&) = delete;
  SubsetFonts& operator=(const SubsetFonts&) = delete;
  ~SubsetFonts() {
    for (auto& [font, f] : fonts_) {
      if (f.scaled != nullptr) cairo_scaled_font_destroy(f.scaled);
    }
    for (auto& [hb, face] : faces_) {
      if (face.cairo != nullptr) cairo_font_face_destroy(face.cairo);
    }
  }

  // Notes the glyphs of a line that will be drawn.
  void add(PangoLayoutLine* line) {
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      PangoFont* font = run->item->analysis.font;
      auto [at, added] = fonts_.try_emplace(font);
      if (added) at->second.face = &faces_[hb_font_get_face(pango_font_get_hb_font(font))];
      for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
        PangoGlyph g = run->glyphs->glyphs[i].glyph;
        if (drawn(g)) at->second.face->glyphs[g] = 0;
      }
    }
  }

  // Makes the small font for each font file noted, then one cairo font for each size of it.
  Status build() {
    for (auto& [hb, face] : faces_) JZ_RETURN_IF_ERROR(subset(hb, face));
    for (auto& [font, f] : fonts_) JZ_RETURN_IF_ERROR(scale(font, f));
    return Status::ok();
  }

  // Draws a line with its left end at x and its baseline at y, as pango_cairo_show_layout_line
  // would, with the text of each glyph attached (the PDF's ToUnicode map: copy and search).
  Status show(cairo_t* cr, PangoLayoutLine* line, double x, double y) const {
    const char* text = pango_layout_get_text(line->layout);
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      const PangoGlyphString* gs = run->glyphs;
      auto found = fonts_.find(run->item->analysis.font);
      if (found == fonts_.end() || found->second.scaled == nullptr) {
        return Status::internal("PDF table: a font was not prepared before drawing");
      }
      const Font& f = found->second;
      x += points(run->start_x_offset);
      const double baseline = y - points(run->y_offset);
      glyphs.clear();
      for (int i = 0; i < gs->num_glyphs; ++i) {
        const PangoGlyphInfo& gi = gs->glyphs[i];
        if (drawn(gi.glyph)) {
          glyphs.push_back({f.face->glyphs.at(gi.glyph), x + points(gi.geometry.x_offset),
                            baseline + points(gi.geometry.y_offset)});
        }
        x += points(gi.geometry.width);
      }
      x += points(run->end_x_offset);

      // Which bytes of text each glyph (or run of glyphs) stands for.
      const bool backward = (run->item->analysis.level & 1) != 0;
      clusters.clear();
      PangoGlyphItemIter it;
      for (bool more = pango_glyph_item_iter_init_start(&it, run, text); more;
           more = pango_glyph_item_iter_next_cluster(&it)) {
        int count = 0;
        for (int i = std::min(it.start_glyph, it.end_glyph + 1);
             i < std::max(it.start_glyph + 1, it.end_glyph); ++i) {
          if (drawn(gs->glyphs[i].glyph)) ++count;
        }
        clusters.push_back({it.end_index - it.start_index, count});
      }
      cairo_set_scaled_font(cr, f.scaled);
      cairo_show_text_glyphs(
          cr, text + run->item->offset, run->item->length, glyphs.data(),
          static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
          backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : static_cast<cairo_text_cluster_flags_t>(0));
    }
    return Status::ok();
  }

 private:
  // Empty glyphs (line breaks) take no place in the font; unknown ones were refused before.
  static bool drawn(PangoGlyph g) {
    return g != PANGO_GLYPH_EMPTY && (g & PANGO_GLYPH_UNKNOWN_FLAG) == 0;
  }

  struct Face {  // one font file (and index in a collection): Regular or Bold
    std::map<PangoGlyph, unsigned long> glyphs;  // the font file's glyph id -> the small font's
    cairo_font_face_t* cairo = nullptr;          // the small font
  };
  struct Font {  // one size of one face, as Pango loaded it
    Face* face = nullptr;
    cairo_scaled_font_t* scaled = nullptr;
  };

  // FreeType wants calls that open and close faces of one library serialised; cairo keeps a
  // face until its scaled fonts leave its cache, possibly after this render and on another
  // thread, so the library is shared and lives as long as the process.
  struct FreeType {
    std::mutex mutex;
    FT_Library library = nullptr;
    FT_Error error = 0;
  };
  static FreeType& freetype() {
    static FreeType* ft = [] {
      auto* f = new FreeType;
      f->error = FT_Init_FreeType(&f->library);
      return f;
    }();
    return *ft;
  }
  // What a cairo font face owns: the FreeType face and the bytes it reads.
  struct FaceData {
    FT_Face face;
    hb_blob_t* blob;
  };
  static void free_face(void* p) {
    auto* d = static_cast<FaceData*>(p);
    {
      std::lock_guard lock(freetype().mutex);
      FT_Done_Face(d->face);
    }
    hb_blob_destroy(d->blob);
    delete d;
  }

  static Status failed(hb_face_t* hb, const std::string& what) {
    char family[128] = "?";
    unsigned int size = sizeof family;
    hb_ot_name_get_utf8(hb, HB_OT_NAME_ID_FULL_NAME, HB_LANGUAGE_INVALID, &size, family);
    return Status::internal("PDF table: font \"" + std::string(family) + "\": " + what);
  }

  static Status subset(hb_face_t* hb, Face& face) {
    std::unique_ptr<hb_subset_input_t, decltype(&hb_subset_input_destroy)> input(
        hb_subset_input_create_or_fail(), &hb_subset_input_destroy);
    if (!input) return failed(hb, "out of memory");
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
    for (const auto& [g, unused] : face.glyphs) hb_set_add(glyph_set, g);
    // Shaping is done: the small font needs outlines and widths, no layout tables.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "morx", "kerx"}) {
      hb_set_add(drop, hb_tag_from_string(tag, 4));
    }
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DESUBROUTINIZE);
    std::unique_ptr<hb_subset_plan_t, decltype(&hb_subset_plan_destroy)> plan(
        hb_subset_plan_create_or_fail(hb, input.get()), &hb_subset_plan_destroy);
    if (!plan) return failed(hb, "HarfBuzz could not plan a subset");
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (auto& [g, to] : face.glyphs) {
      if (!hb_map_has(old_to_new, g)) return failed(hb, "glyph " + std::to_string(g) + " lost");
      to = hb_map_get(old_to_new, g);
    }
    std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> small(
        hb_subset_plan_execute_or_fail(plan.get()), &hb_face_destroy);
    if (!small) return failed(hb, "HarfBuzz could not make a subset");

    auto* data = new FaceData{nullptr, hb_face_reference_blob(small.get())};
    unsigned int length = 0;
    const char* bytes = hb_blob_get_data(data->blob, &length);
    FT_Error error;
    {
      FreeType& ft = freetype();
      std::lock_guard lock(ft.mutex);
      error = ft.error != 0
                  ? ft.error
                  : FT_New_Memory_Face(ft.library, reinterpret_cast<const FT_Byte*>(bytes),
                                       static_cast<FT_Long>(length), 0, &data->face);
    }
    if (error != 0) {
      hb_blob_destroy(data->blob);
      delete data;
      return failed(hb, "FreeType cannot read the subset (error " + std::to_string(error) + ")");
    }
    face.cairo = cairo_ft_font_face_create_for_ft_face(data->face, 0);
    static const cairo_user_data_key_t kKey{};
    cairo_status_t s = cairo_font_face_set_user_data(face.cairo, &kKey, data, &free_face);
    if (s != CAIRO_STATUS_SUCCESS) {
      cairo_font_face_destroy(face.cairo);
      face.cairo = nullptr;
      free_face(data);
      return failed(hb, cairo_status_to_string(s));
    }
    return Status::ok();
  }

  // The small font at the size and with the options of the font Pango measured with.
  static Status scale(PangoFont* font, Font& f) {
    cairo_scaled_font_t* original = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    hb_face_t* hb = hb_font_get_face(pango_font_get_hb_font(font));
    if (original == nullptr) return failed(hb, "Pango has no cairo font for it");
    cairo_matrix_t matrix, ctm;
    cairo_scaled_font_get_font_matrix(original, &matrix);
    cairo_scaled_font_get_ctm(original, &ctm);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_scaled_font_get_font_options(original, options);
    f.scaled = cairo_scaled_font_create(f.face->cairo, &matrix, &ctm, options);
    cairo_font_options_destroy(options);
    cairo_status_t s = cairo_scaled_font_status(f.scaled);
    if (s != CAIRO_STATUS_SUCCESS) return failed(hb, cairo_status_to_string(s));
    return Status::ok();
  }

  std::map<hb_face_t*, Face> faces_;
  std::map<PangoFont*, Font> fonts_;
};

// One line of laid-out text, relative to the top of its layout.
struct Line {
  PangoLayoutLine* line;  // owned by the layout
  double top, bottom, baseline, x;
};

struct Block {
  LayoutPtr layout;
  std::vector<Line> lines;
  double width = 0, height = 0;
};

struct Row {
  std::vector<Block> cells;
  double height = 0;  // of the tallest cell, without padding
};

// A part of a row on one page: the lines whose top is in [from, to).
struct Slice {
  std::size_t row;
  double from, to;
};

class Renderer {
 public:
  explicit Renderer(const PdfTable& t) : t_(t) {}

  Result<std::string> render() {
    JZ_RETURN_IF_ERROR(check_table(t_));
    surface_.reset(
        cairo_pdf_surface_create_for_stream(&Renderer::write, this, kPageWidth, kPageHeight));
    JZ_RETURN_IF_ERROR(cairo_check(cairo_surface_status(surface_.get()), "creating the PDF"));
    set_metadata();
    cr_.reset(cairo_create(surface_.get()));
    JZ_RETURN_IF_ERROR(cairo_check(cairo_status(cr_.get()), "creating the drawing context"));
    JZ_RETURN_IF_ERROR(make_context());
    JZ_RETURN_IF_ERROR(measure());
    paginate();
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      page_numbers_.push_back(
          layout("page " + std::to_string(p + 1) + " / " + std::to_string(pages_.size()),
                 kFooterFont, -1, true));
    }
    JZ_RETURN_IF_ERROR(prepare_fonts());
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      draw_page(p);
      JZ_RETURN_IF_ERROR(drawn_.prefixed("page " + std::to_string(p + 1) + ": "));
      cairo_show_page(cr_.get());
      JZ_RETURN_IF_ERROR(
          cairo_check(cairo_status(cr_.get()), "drawing page " + std::to_string(p + 1)));
    }
    cr_.reset();
    cairo_surface_finish(surface_.get());
    JZ_RETURN_IF_ERROR(cairo_check(cairo_surface_status(surface_.get()), "writing the PDF"));
    return std::move(out_);
  }

 private:
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
    try {
      static_cast<Renderer*>(closure)->out_.append(reinterpret_cast<const char*>(data), length);
      return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
      return CAIRO_STATUS_NO_MEMORY;
    }
  }

  static Status cairo_check(cairo_status_t s, const std::string& doing) {
    if (s == CAIRO_STATUS_SUCCESS) return Status::ok();
    return Status::internal("PDF table: " + doing + ": " + cairo_status_to_string(s));
  }

  void set_metadata() {
    cairo_surface_t* s = surface_.get();
    // Cairo takes ISO 8601 and writes it as a PDF date; without these it writes "now".
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, t_.created.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, t_.created.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Jianzheng");
    if (!t_.title.empty()) {
      cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, t_.title.c_str());
    }
    if (!t_.subtitle.empty()) {
      cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, t_.subtitle.c_str());
    }
  }

  // A font map of our own for each render: no Pango state is shared between threads or kept
  // after the call (fontconfig's own configuration and font list are loaded once, though).
  Status make_context() {
    font_map_.reset(pango_cairo_font_map_new());
    context_.reset(pango_font_map_create_context(font_map_.get()));
    // Font sizes are in PDF points (Pango's default is 96 dpi, which would scale them by 4/3).
    pango_cairo_context_set_resolution(context_.get(), 72);
    // Outline metrics without hinting: line breaks do not depend on any device resolution.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
    // Simplified Chinese forms where Han characters are shared between languages.
    pango_context_set_language(context_.get(), pango_language_from_string("zh-cn"));
    pango_cairo_update_context(cr_.get(), context_.get());

    // Fontconfig falls back to any font silently; the list would print in the wrong one.
    FontDescPtr desc(pango_font_description_from_string(kBodyFont));
    FontPtr font(pango_context_load_font(context_.get(), desc.get()));
    std::string family;
    if (font) {
      FontDescPtr got(pango_font_describe(font.get()));
      if (const char* f = pango_font_description_get_family(got.get())) family = f;
    }
    if (family != kFamily) {
      return Status::internal(std::string("PDF table: the font \"") + kFamily +
                              "\" is not installed (Debian package fonts-noto-cjk); " +
                              (family.empty() ? std::string("fontconfig finds no font at all")
                                              : "fontconfig offers \"" + family + "\" instead"));
    }
    return Status::ok();
  }

  // Lays out `text` in `width` points (no limit if negative); single_line keeps it on one
  // line, cut with "…" if too wide.
  Block layout(const std::string& text, const char* font, double width, bool single_line = false) {
    Block b;
    b.layout.reset(pango_layout_new(context_.get()));
    PangoLayout* l = b.layout.get();
    FontDescPtr desc(pango_font_description_from_string(font));
    pango_layout_set_font_description(l, desc.get());
    if (width >= 0) pango_layout_set_width(l, pango_units(std::max(width, 1.0)));
    if (single_line) {
      pango_layout_set_single_paragraph_mode(l, TRUE);
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    } else {
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
    LayoutIterPtr it(pango_layout_get_iter(l));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
      b.lines.push_back({pango_layout_iter_get_line_readonly(it.get()), points(logical.y),
                         points(logical.y + logical.height),
                         points(pango_layout_iter_get_baseline(it.get())), points(logical.x)});
    } while (pango_layout_iter_next_line(it.get()));
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    b.width = points(w);
    b.height = points(h);
    return b;
  }

  // A missing glyph prints as a box: a name would be printed wrong without a sign.
  static Status all_glyphs_known(const Block& b, const std::string& where) {
    if (int n = pango_layout_get_unknown_glyphs_count(b.layout.get())) {
      return Status::invalid(where + ": no installed font has " + std::to_string(n) +
                             " of its characters");
    }
    return Status::ok();
  }

  // Every glyph that will be drawn is known now: cut the fonts down to them.
  Status prepare_fonts() {
    auto add = [&](const Block& b) {
      for (const Line& line : b.lines) fonts_.add(line.line);
    };
    for (const Block* b : {&title_, &subtitle_, &footer_}) add(*b);
    for (const Block& b : header_.cells) add(b);
    for (const Row& row : rows_) {
      for (const Block& b : row.cells) add(b);
    }
    for (const Block& b : page_numbers_) add(b);
    return fonts_.build();
  }

  // Draws the lines of `b` whose top is in [from, to), with `from` at y.
  void show(const Block& b, double x, double y, double from = 0, double to = INFINITY) {
    for (const Line& line : b.lines) {
      if (line.top < from || line.top >= to) continue;
      Status s = fonts_.show(cr_.get(), line.line, x + line.x, y + line.baseline - from);
      if (!s.is_ok() && drawn_.is_ok()) drawn_ = s;
    }
  }

  Status measure() {
    double sum = 0;
    for (double w : t_.widths) sum += w;
    double x = kMargin;
    for (double w : t_.widths) {
      col_x_.push_back(x);
      x += kTableWidth * w / sum;
    }
    col_x_.push_back(kMargin + kTableWidth);

    title_ = layout(t_.title, kTitleFont, kTableWidth);
    subtitle_ = layout(t_.subtitle, kSubtitleFont, kTableWidth);
    footer_ = layout(t_.footer, kFooterFont, kTableWidth * 0.75, true);
    JZ_RETURN_IF_ERROR(all_glyphs_known(title_, "title"));
    JZ_RETURN_IF_ERROR(all_glyphs_known(subtitle_, "subtitle"));
    JZ_RETURN_IF_ERROR(all_glyphs_known(footer_, "footer"));
    table_top_ = kMargin + (t_.title.empty() ? 0 : title_.height + kGapAfterTitle) +
                 (t_.subtitle.empty() ? 0 : subtitle_.height) + kGapBeforeTable;

    header_.height = 0;
    for (std::size_t c = 0; c < t_.columns.size(); ++c) {
      header_.cells.push_back(layout(t_.columns[c], kHeaderFont, cell_width(c)));
      JZ_RETURN_IF_ERROR(all_glyphs_known(header_.cells.back(), "column " + std::to_string(c + 1)));
      header_.height = std::max(header_.height, header_.cells.back().height);
    }
    body_top_ = table_top_ + header_.height + 2 * kPadY;
    footer_top_ = kPageHeight - kMargin - footer_.height;
    body_bottom_ = footer_top_ - kGapAboveFooter;
    if (body_bottom_ - body_top_ < kMinBody) {
      return Status::invalid("the title, subtitle and column headers leave no room for rows");
    }

    rows_.reserve(t_.rows.size());
    for (std::size_t r = 0; r < t_.rows.size(); ++r) {
      Row row;
      for (std::size_t c = 0; c < t_.columns.size(); ++c) {
        row.cells.push_back(layout(t_.rows[r][c], kBodyFont, cell_width(c)));
        JZ_RETURN_IF_ERROR(all_glyphs_known(row.cells.back(), cell_name(t_, r, c)));
        row.height = std::max(row.height, row.cells.back().height);
      }
      rows_.push_back(std::move(row));
    }
    return Status::ok();
  }

  double cell_width(std::size_t c) const { return col_x_[c + 1] - col_x_[c] - 2 * kPadX; }

  // Where to end a slice of `row` that may reach `limit`: before the first line crossing it,
  // in any cell, until no line of any cell is cut in two.
  static double cut_before(const Row& row, double limit) {
    for (bool moved = true; moved;) {
      moved = false;
      for (const Block& cell : row.cells) {
        for (const Line& line : cell.lines) {
          if (line.top < limit && line.bottom > limit) {
            limit = line.top;
            moved = true;
          }
        }
      }
    }
    return limit;
  }

  void paginate() {
    const double room = body_bottom_ - body_top_;
    pages_.emplace_back();
    double used = 0;
    auto new_page = [&] {
      pages_.emplace_back();
      used = 0;
    };
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      const double height = rows_[r].height + 2 * kPadY;
      if (height <= room - used) {
        pages_.back().push_back({r, 0, rows_[r].height});
        used += height;
        continue;
      }
      if (height <= room || room - used < kMinStartOfTallRow) {
        if (!pages_.back().empty()) new_page();
        if (height <= room) {
          pages_.back().push_back({r, 0, rows_[r].height});
          used += height;
          continue;
        }
      }
      // Taller than a page: split between lines of text.
      for (double from = 0;;) {
        const double limit = from + (room - used - 2 * kPadY);
        if (limit >= rows_[r].height) {
          pages_.back().push_back({r, from, rows_[r].height});
          used += rows_[r].height - from + 2 * kPadY;
          break;
        }
        double to = cut_before(rows_[r], limit);
        if (to <= from) to = limit;  // one line taller than the room: never loop forever
        pages_.back().push_back({r, from, to});
        new_page();
        from = to;
      }
    }
  }

  void gray(double level) { cairo_set_source_rgb(cr_.get(), level, level, level); }

  void draw_page(std::size_t p) {
    cairo_t* cr = cr_.get();
    const double left = kMargin;
    const double right = kMargin + kTableWidth;

    gray(0);
    double y = kMargin;
    if (!t_.title.empty()) {
      show(title_, left, y);
      y += title_.height + kGapAfterTitle;
    }
    if (!t_.subtitle.empty()) {
      gray(0.25);
      show(subtitle_, left, y);
    }

    // Header row on every page.
    gray(0.88);
    cairo_rectangle(cr, left, table_top_, kTableWidth, body_top_ - table_top_);
    cairo_fill(cr);
    gray(0);
    for (std::size_t c = 0; c < header_.cells.size(); ++c) {
      show(header_.cells[c], col_x_[c] + kPadX, table_top_ + kPadY);
    }

    // Rows, every other one shaded; rules between them.
    std::vector<double> rules{table_top_, body_top_};
    y = body_top_;
    for (const Slice& s : pages_[p]) {
      const double height = s.to - s.from + 2 * kPadY;
      if (s.row % 2 == 1) {
        gray(0.96);
        cairo_rectangle(cr, left, y, kTableWidth, height);
        cairo_fill(cr);
      }
      gray(0);
      for (std::size_t c = 0; c < rows_[s.row].cells.size(); ++c) {
        show(rows_[s.row].cells[c], col_x_[c] + kPadX, y + kPadY, s.from, s.to);
      }
      y += height;
      rules.push_back(y);
    }
    gray(0.55);
    cairo_set_line_width(cr, kRule);
    for (double ry : rules) {
      cairo_move_to(cr, left, ry);
      cairo_line_to(cr, right, ry);
    }
    for (double cx : col_x_) {
      cairo_move_to(cr, cx, table_top_);
      cairo_line_to(cr, cx, y);
    }
    cairo_stroke(cr);

    // Footer: the caller's text on the left, "page N / M" on the right.
    gray(0.25);
    show(footer_, left, footer_top_);
    show(page_numbers_[p], right - page_numbers_[p].width, footer_top_);
  }

  const PdfTable& t_;
  std::string out_;  // before surface_: destroying an unfinished surface still writes here
  SurfacePtr surface_;
  CairoPtr cr_;
  FontMapPtr font_map_;
  ContextPtr context_;
  SubsetFonts fonts_;
  Status drawn_;  // the first error while drawing a page
  Block title_, subtitle_, footer_;
  Row header_;
  std::vector<Row> rows_;
  std::vector<double> col_x_;  // left edge of each column, then the right edge of the table
  double table_top_ = 0, body_top_ = 0, body_bottom_ = 0, footer_top_ = 0;
  std::vector<std::vector<Slice>> pages_;
  std::vector<Block> page_numbers_;  // "page N / M" for each page
};

}  // namespace

Result<std::string> render_pdf(const PdfTable& table) {
  return Renderer(table).render();
}

}  // namespace jz::publish
