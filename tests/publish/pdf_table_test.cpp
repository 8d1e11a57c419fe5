// The PDF table is checked the way a reader would see it: poppler's pdftoppm draws the page,
// pdftotext reads the text back (which needs the CJK glyphs embedded with a ToUnicode map),
// pdfinfo counts the pages and reads the metadata.
#include "publish/pdf_table.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace jz::publish {
namespace {

namespace fs = std::filesystem;

struct Person {
  const char* hanzi;
  const char* pinyin;
  const char* english;
  const char* note;
};

// Well-known cases: Han names with tone-marked pinyin, Uyghur names with "·", a Tibetan name.
const std::vector<Person> kPeople = {
    {"刘晓波", "Liú Xiǎobō", "Liu Xiaobo", "诺贝尔和平奖 2010\nNobel Peace Prize 2010"},
    {"高智晟", "Gāo Zhìshèng", "Gao Zhisheng", "人权律师\nhuman rights lawyer"},
    {"伊力哈木·土赫提", "Yīlìhāmù Tǔhètí", "Ilham Tohti", "维吾尔族经济学家\nUyghur economist"},
    {"拉希拉·达吾提", "Lāxīlā Dáwútí", "Rahile Dawut", "维吾尔族民俗学家\nUyghur ethnographer"},
    {"许志永", "Xǔ Zhìyǒng", "Xu Zhiyong", "法学学者\nlegal scholar"},
    {"丁家喜", "Dīng Jiāxǐ", "Ding Jiaxi", "律师\nlawyer"},
    {"黄琦", "Huáng Qí", "Huang Qi", "六四天网创办人\nfounder of 64 Tianwang"},
    {"扎西文色", "Zhāxī Wénsè", "Tashi Wangchuk", "藏语教育倡导者\nTibetan language advocate"},
};

PdfTable sample_table(std::size_t rows) {
  PdfTable t;
  t.title = "中国政治犯名单 Political Prisoners in China";
  t.subtitle = "六四纪念 June 4th vigil · 2024-06-04";
  t.columns = {"编号 No.", "姓名 Name", "拼音 Pinyin", "英文 English", "说明 Notes"};
  t.widths = {0.6, 1.5, 1.5, 1.5, 3};
  for (std::size_t i = 0; i < rows; ++i) {
    const Person& p = kPeople[i % kPeople.size()];
    char id[32];
    std::snprintf(id, sizeof id, "R%03zu", i + 1);
    t.rows.push_back({id, p.hanzi, p.pinyin, p.english, p.note});
  }
  t.footer = "见证 Jianzheng — printed list, check the site for updates";
  t.created = "2024-06-04T00:00:00Z";
  return t;
}

// What a command printed (stdout and stderr) and whether it exited 0.
struct Output {
  bool ok;
  std::string out;
};

Output run(const std::string& command) {
  Output r{false, {}};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  r.ok = pclose(pipe) == 0;
  return r;
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
  }
  return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The value of "Name:   value" in pdfinfo's output.
std::string field(const std::string& info, const std::string& name) {
  std::istringstream lines(info);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + ":", 0) != 0) continue;
    auto start = line.find_first_not_of(' ', name.size() + 1);
    return start == std::string::npos ? std::string() : line.substr(start);
  }
  return "(no " + name + ")";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Pango matches fonts on short-lived threads of its own ("[pango] FcFontSetMatch"); a render
// that stops at an error can return before they finish. Before the process exits (and
// LeakSanitizer looks at what is still allocated), wait until they have.
class WaitForPangoThreads : public ::testing::Environment {
 public:
  void TearDown() override {
    for (int i = 0; i < 500 && threads() > 1; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

 private:
  static std::size_t threads() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& task : fs::directory_iterator("/proc/self/task")) ++n;
    return n;
  }
};
[[maybe_unused]] ::testing::Environment* const kWaitForPangoThreads =
    ::testing::AddGlobalTestEnvironment(new WaitForPangoThreads);

class PdfTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jz-pdf-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Renders `t` into dir_/name and returns the path; fails the test on an error.
  fs::path write(const PdfTable& t, const std::string& name = "table.pdf") {
    auto pdf = render_pdf(t);
    EXPECT_TRUE(pdf.is_ok()) << pdf.status().message();
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << (pdf.is_ok() ? *pdf : std::string());
    return path;
  }

  static int pages(const fs::path& pdf) {
    Output info = run("pdfinfo " + pdf.string());
    EXPECT_TRUE(info.ok) << info.out;
    auto at = info.out.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
  }

  // The text of one page (1-based) or, with page 0, of the whole document.
  static std::string text(const fs::path& pdf, int page = 0) {
    std::string range =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    Output r = run("pdftotext -enc UTF-8" + range + " " + pdf.string() + " -");
    EXPECT_TRUE(r.ok) << r.out;
    return r.out;
  }

  // Every word of the page lies above the footer line ("page N / M" and the footer text):
  // no row runs into it, whole or split.
  static void expect_nothing_runs_into_the_footer(const fs::path& pdf, int pages) {
    static const std::regex kWord(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    for (int p = 1; p <= pages; ++p) {
      Output r = run("pdftotext -bbox -f " + std::to_string(p) + " -l " + std::to_string(p) + " " +
                     pdf.string() + " -");
      ASSERT_TRUE(r.ok) << r.out;
      std::vector<std::smatch> words;
      for (std::sregex_iterator it(r.out.begin(), r.out.end(), kWord), end; it != end; ++it) {
        words.push_back(*it);
      }
      double footer = -1;
      for (const auto& w : words) {
        if (w[5] == "page") footer = std::stod(w[2]);
      }
      ASSERT_GT(footer, 0) << "page " << p << " has no page number";
      for (const auto& w : words) {
        if (std::abs(std::stod(w[2]) - footer) < 0.5) continue;  // on the footer line
        EXPECT_LE(std::stod(w[4]), footer + 0.01)
            << "page " << p << ": \"" << w[5] << "\" reaches below the footer's top";
      }
    }
  }

  fs::path dir_;
};

TEST_F(PdfTableTest, FirstPageIsLandscapeAndNotBlank) {
  fs::path pdf = write(sample_table(30));

  ASSERT_TRUE(run("pdftoppm -png -r 40 -f 1 -l 1 -singlefile " + pdf.string() + " " +
                  (dir_ / "page").string())
                  .ok);
  std::string png = read_file(dir_ / "page.png");
  ASSERT_GE(png.size(), 24u);
  ASSERT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  ASSERT_EQ(png.substr(12, 4), "IHDR");
  auto be32 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24 |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16 |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8 |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  // A4 landscape at 40 dpi: 297 x 210 mm is 468 x 331 pixels.
  EXPECT_EQ(be32(16), 468u);
  EXPECT_EQ(be32(20), 331u);

  ASSERT_TRUE(run("pdftoppm -gray -r 40 -f 1 -l 1 -singlefile " + pdf.string() + " " +
                  (dir_ / "page").string())
                  .ok);
  std::string pgm = read_file(dir_ / "page.pgm");
  std::istringstream header(pgm);
  std::string magic;
  std::size_t width = 0, height = 0, max = 0;
  header >> magic >> width >> height >> max;
  ASSERT_EQ(magic, "P5");
  ASSERT_EQ(max, 255u);
  const std::size_t start = static_cast<std::size_t>(header.tellg()) + 1;
  ASSERT_EQ(pgm.size(), start + width * height);
  std::size_t dark = 0;
  for (std::size_t i = start; i < pgm.size(); ++i) {
    if (static_cast<unsigned char>(pgm[i]) < 128) ++dark;
  }
  // Text and rules ink a few percent of a full page; a blank page none, a black one all.
  EXPECT_GT(dark, width * height / 100) << dark << " dark pixels of " << width * height;
  EXPECT_LT(dark, width * height / 4) << dark << " dark pixels of " << width * height;
}

TEST_F(PdfTableTest, ChineseNamesAndPinyinComeBackAsText) {
  fs::path pdf = write(sample_table(static_cast<std::size_t>(kPeople.size())));
  const std::string all = without_spaces(text(pdf));
  for (const Person& p : kPeople) {
    EXPECT_NE(all.find(p.hanzi), std::string::npos) << p.hanzi;
    EXPECT_NE(all.find(without_spaces(p.pinyin)), std::string::npos) << p.pinyin;
    EXPECT_NE(all.find(without_spaces(p.english)), std::string::npos) << p.english;
  }
  EXPECT_NE(all.find("中国政治犯名单"), std::string::npos);
  EXPECT_NE(all.find("六四纪念"), std::string::npos);
  EXPECT_NE(all.find("姓名Name"), std::string::npos);
}

TEST_F(PdfTableTest, EveryPageHasTitleHeaderFooterAndItsNumber) {
  fs::path pdf = write(sample_table(30));
  const int n = pages(pdf);
  ASSERT_GE(n, 2);
  for (int p = 1; p <= n; ++p) {
    const std::string page = without_spaces(text(pdf, p));
    EXPECT_NE(page.find("中国政治犯名单"), std::string::npos) << "page " << p;
    EXPECT_NE(page.find("拼音Pinyin"), std::string::npos) << "page " << p;
    EXPECT_NE(page.find("见证Jianzheng"), std::string::npos) << "page " << p;
    EXPECT_NE(page.find("page" + std::to_string(p) + "/" + std::to_string(n)), std::string::npos)
        << "page " << p << ": " << page;
  }
}

TEST_F(PdfTableTest, EveryRowOnceInOrderAndNeverSplitAcrossPages) {
  PdfTable t = sample_table(30);
  // Two-line notes that name their row: "first line a001" / "second line b001" for R001.
  for (auto& row : t.rows) {
    row[4] = "第一行 first line a" + row[0].substr(1) + "\n第二行 second line b" + row[0].substr(1);
  }
  fs::path pdf = write(t);
  const int n = pages(pdf);
  ASSERT_GE(n, 2);
  std::vector<std::string> page_text;
  for (int p = 1; p <= n; ++p) page_text.push_back(text(pdf, p));
  int last_page = 0;
  for (const auto& row : t.rows) {
    const std::string& id = row[0];
    int found = 0, on = 0;
    for (int p = 0; p < n; ++p) {
      if (int k = static_cast<int>(count(page_text[p], id))) {
        found += k;
        on = p;
      }
    }
    ASSERT_EQ(found, 1) << id;
    EXPECT_GE(on, last_page) << id << " comes before the row above it";
    last_page = on;
    // Both lines of the two-line note are on the row's page.
    const std::string page = without_spaces(page_text[on]);
    EXPECT_NE(page.find("第一行firstlinea" + id.substr(1)), std::string::npos) << id;
    EXPECT_NE(page.find("第二行secondlineb" + id.substr(1)), std::string::npos) << id;
  }
  EXPECT_EQ(last_page, n - 1) << "the last row is not on the last page";
  expect_nothing_runs_into_the_footer(pdf, n);
}

// Each row is 22 lines high (about 291 pt at 9 pt type): more than half of a page's room
// for rows (about 440 pt) and less than all of it, so each row must start a page and fit on
// it: as many pages as rows.
TEST_F(PdfTableTest, RowsThatFillMoreThanHalfAPageTakeOnePageEach) {
  PdfTable t = sample_table(0);
  std::string tall;
  for (int i = 1; i <= 22; ++i) tall += (i > 1 ? "\n" : "") + std::string("行 line ") + "X";
  for (int r = 0; r < 5; ++r) {
    t.rows.push_back({"T" + std::to_string(r + 1), "刘晓波", "Liú Xiǎobō", "Liu Xiaobo", tall});
  }
  fs::path pdf = write(t);
  ASSERT_EQ(pages(pdf), 5);
  for (int p = 1; p <= 5; ++p) {
    const std::string page = text(pdf, p);
    EXPECT_EQ(count(page, "T" + std::to_string(p)), 1u) << "page " << p;
    EXPECT_EQ(count(without_spaces(page), "行lineX"), 22u) << "page " << p;
  }
}

TEST_F(PdfTableTest, RowTallerThanAPageIsSplitBetweenLinesWithNoLineLost) {
  PdfTable t = sample_table(2);
  std::string tall;
  for (int i = 1; i <= 120; ++i) {
    char line[32];
    std::snprintf(line, sizeof line, "%sL%03d 第%d行", i > 1 ? "\n" : "", i, i);
    tall += line;
  }
  t.rows.insert(t.rows.begin() + 1, {"TALL", "高智晟", "Gāo Zhìshèng", "Gao Zhisheng", tall});
  fs::path pdf = write(t);
  const int n = pages(pdf);
  ASSERT_GE(n, 3);
  std::string all;
  for (int p = 1; p <= n; ++p) all += text(pdf, p);
  std::size_t last = 0;
  for (int i = 1; i <= 120; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "L%03d", i);
    EXPECT_EQ(count(all, id), 1u) << id;
    EXPECT_GT(all.find(id), last) << id << " is out of order";
    last = all.find(id);
  }
  EXPECT_EQ(count(all, "R001"), 1u);
  EXPECT_EQ(count(all, "R002"), 1u);
  EXPECT_LT(all.find("R001"), all.find("L001"));
  EXPECT_LT(all.find("L120"), all.find("R002"));
  expect_nothing_runs_into_the_footer(pdf, n);
}

TEST_F(PdfTableTest, EmptyTableIsOnePageWithItsHeader) {
  fs::path pdf = write(sample_table(0));
  EXPECT_EQ(pages(pdf), 1);
  const std::string page = without_spaces(text(pdf));
  EXPECT_NE(page.find("姓名Name"), std::string::npos);
  EXPECT_NE(page.find("page1/1"), std::string::npos);
}

TEST_F(PdfTableTest, EqualInputGivesIdenticalBytesAndTheGivenMetadata) {
  const PdfTable t = sample_table(30);
  auto first = render_pdf(t);
  auto second = render_pdf(t);
  ASSERT_TRUE(first.is_ok()) << first.status().message();
  ASSERT_TRUE(second.is_ok()) << second.status().message();
  EXPECT_EQ(first->size(), second->size());
  EXPECT_TRUE(*first == *second);
  EXPECT_EQ(first->substr(0, 5), "%PDF-");

  PdfTable later = t;
  later.created = "2025-06-04T12:30:00Z";
  auto third = render_pdf(later);
  ASSERT_TRUE(third.is_ok()) << third.status().message();
  EXPECT_FALSE(*first == *third);

  fs::path pdf = write(t);
  Output info = run("pdfinfo -isodates -enc UTF-8 " + pdf.string());
  ASSERT_TRUE(info.ok) << info.out;
  EXPECT_EQ(field(info.out, "CreationDate"), "2024-06-04T00:00:00Z");
  EXPECT_EQ(field(info.out, "ModDate"), "2024-06-04T00:00:00Z");
  EXPECT_EQ(field(info.out, "Title"), "中国政治犯名单 Political Prisoners in China");
  EXPECT_EQ(field(info.out, "Subject"), "六四纪念 June 4th vigil · 2024-06-04");
  EXPECT_EQ(field(info.out, "Creator"), "Jianzheng");
  EXPECT_EQ(field(info.out, "Page size"), "841.89 x 595.276 pts (A4)");
}

// The web server's worker threads may render lists at the same time.
TEST_F(PdfTableTest, RendersOnSeveralThreadsAtOnceGiveTheSameBytes) {
  const PdfTable t = sample_table(12);
  auto expected = render_pdf(t);
  ASSERT_TRUE(expected.is_ok()) << expected.status().message();
  // Each thread renders twice; a slot is what differed from `expected`, or empty.
  std::vector<std::string> differed(3);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < differed.size(); ++i) {
    threads.emplace_back([&t, &expected, &differed, i] {
      for (int round = 0; round < 2; ++round) {
        auto pdf = render_pdf(t);
        if (!pdf.is_ok()) differed[i] = "error: " + pdf.status().message();
        if (pdf.is_ok() && *pdf != *expected) differed[i] = "other bytes";
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const std::string& d : differed) EXPECT_EQ(d, "");
}

// Cairo alone would embed all of Noto Sans CJK's subroutines (~0.9 MB a weight) as soon as
// "I", "L" and a Han character share a page; the fonts are cut down before cairo sees them.
TEST_F(PdfTableTest, FontsAreSmallSubsetsWithTextMaps) {
  fs::path pdf = write(sample_table(30));
  EXPECT_LT(fs::file_size(pdf), 100'000u);
  Output fonts = run("pdffonts " + pdf.string());
  ASSERT_TRUE(fonts.ok) << fonts.out;
  EXPECT_NE(fonts.out.find("+NotoSansCJKsc-Regular"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("+NotoSansCJKsc-Bold"), std::string::npos) << fonts.out;
  std::istringstream lines(fonts.out);
  int listed = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find('+') == std::string::npos) continue;  // the two heading lines
    ++listed;
    // Columns emb, sub, uni: embedded, a subset, with a ToUnicode map.
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
  }
  EXPECT_EQ(listed, 2) << fonts.out;
}

// Uyghur names are also written in Arabic script, right to left; Noto Sans CJK has no Arabic,
// so fontconfig picks another font for it, and the text must still come back whole.
TEST_F(PdfTableTest, RightToLeftTextInAFallbackFontComesBackAsText) {
  PdfTable t = sample_table(2);
  t.rows[1][3] = "ئىلھام توختى Ilham Tohti";
  auto pdf = render_pdf(t);
  if (!pdf.is_ok() && pdf.status().message().find("no installed font") != std::string::npos) {
    GTEST_SKIP() << "no font for Arabic script is installed: " << pdf.status().message();
  }
  ASSERT_TRUE(pdf.is_ok()) << pdf.status().message();
  fs::path path = dir_ / "rtl.pdf";
  std::ofstream(path, std::ios::binary) << *pdf;
  // pdftotext puts spaces between some Arabic letters and marks the direction (U+202A-C).
  std::string all = without_spaces(text(path));
  for (const char* mark : {"\u202A", "\u202B", "\u202C"}) {
    for (auto at = all.find(mark); at != std::string::npos; at = all.find(mark)) {
      all.erase(at, std::string_view(mark).size());
    }
  }
  EXPECT_NE(all.find("ئىلھامتوختى"), std::string::npos) << all;
  EXPECT_NE(all.find("IlhamTohti"), std::string::npos) << all;
}

TEST_F(PdfTableTest, RowWithTheWrongNumberOfCellsIsRefusedByNumber) {
  PdfTable t = sample_table(5);
  t.rows[2] = {"R003", "刘晓波"};
  auto pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().code(), Code::kInvalid);
  EXPECT_EQ(pdf.status().message(), "row 3 has 2 cells but the table has 5 columns");
}

TEST_F(PdfTableTest, WidthsMustMatchTheColumnsAndBePositive) {
  PdfTable t = sample_table(3);
  t.widths.pop_back();
  auto pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().code(), Code::kInvalid);
  EXPECT_EQ(pdf.status().message(), "the table has 5 columns but 4 widths");

  for (double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()}) {
    t = sample_table(3);
    t.widths[1] = bad;
    pdf = render_pdf(t);
    ASSERT_FALSE(pdf.is_ok()) << bad;
    EXPECT_EQ(pdf.status().message(), "width 2 (姓名 Name) must be a positive number");
  }

  t = sample_table(3);
  t.columns.clear();
  t.widths.clear();
  t.rows.clear();
  pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().message(), "the table has no columns");
}

TEST_F(PdfTableTest, CreatedMustBeAFixedUtcDateAndTime) {
  for (const char* bad :
       {"", "2024-06-04", "2024-06-04T00:00:00", "2024-06-04 00:00:00Z", "2024-13-04T00:00:00Z",
        "2024-06-04T24:00:00Z", "2024-06-04T00:00:00+08:00"}) {
    PdfTable t = sample_table(1);
    t.created = bad;
    auto pdf = render_pdf(t);
    ASSERT_FALSE(pdf.is_ok()) << bad;
    EXPECT_EQ(pdf.status().code(), Code::kInvalid);
    EXPECT_EQ(pdf.status().message(), "created: \"" + std::string(bad) +
                                          "\" is not a date and time like 2024-06-04T00:00:00Z");
  }
}

TEST_F(PdfTableTest, TextThatIsNotUtf8IsRefusedWithItsCell) {
  PdfTable t = sample_table(3);
  t.rows[1][1] = "\xe5\x88\x98\xff";  // 刘 then a byte no UTF-8 text has
  auto pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().code(), Code::kInvalid);
  EXPECT_EQ(pdf.status().message(), "row 2, column 2 (姓名 Name): not valid UTF-8 at byte 3");

  t = sample_table(3);
  t.rows[2][3] = std::string("Liu\0Xiaobo", 10);
  pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().message(), "row 3, column 4 (英文 English): contains a NUL byte");

  t = sample_table(3);
  t.title = "\xc0\x80";
  pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().message(), "title: not valid UTF-8 at byte 0");
}

// A character no installed font has would print as a box inside someone's name.
TEST_F(PdfTableTest, CharacterNoFontHasIsRefusedWithItsCell) {
  PdfTable t = sample_table(3);
  t.rows[0][1] = "刘\xf4\x8f\xbf\xbd";  // U+10FFFD, private use: no font draws it
  auto pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().code(), Code::kInvalid);
  EXPECT_EQ(pdf.status().message(),
            "row 1, column 2 (姓名 Name): no installed font has 1 of its characters");
}

// Without fonts-noto-cjk fontconfig would quietly pick another font. The check runs in a
// fresh process (a death test) whose fontconfig knows no font at all; it leaves with _Exit so
// that nothing else runs at its exit.
TEST_F(PdfTableTest, MissingCjkFontIsAClearError) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const fs::path conf = dir_ / "fonts.conf";
  std::ofstream(conf) << "<?xml version=\"1.0\"?>\n<fontconfig><dir>" << (dir_ / "none").string()
                      << "</dir><cachedir>" << (dir_ / "cache").string()
                      << "</cachedir></fontconfig>\n";
  setenv("FONTCONFIG_FILE", conf.c_str(), 1);
  EXPECT_EXIT(
      {
        auto pdf = render_pdf(sample_table(1));
        std::fprintf(stderr, "%s\n", pdf.status().message().c_str());
        std::_Exit(!pdf.is_ok() && pdf.status().code() == Code::kInternal ? 0 : 1);
      },
      ::testing::ExitedWithCode(0),
      "the font \"Noto Sans CJK SC\" is not installed \\(Debian package fonts-noto-cjk\\); "
      "fontconfig finds no font at all");
  unsetenv("FONTCONFIG_FILE");
}

TEST_F(PdfTableTest, TitleThatLeavesNoRoomForRowsIsRefused) {
  PdfTable t = sample_table(3);
  t.title.clear();
  for (int i = 0; i < 40; ++i) t.title += "中国政治犯名单\n";
  auto pdf = render_pdf(t);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_EQ(pdf.status().code(), Code::kInvalid);
  EXPECT_EQ(pdf.status().message(),
            "the title, subtitle and column headers leave no room for rows");
}

}  // namespace
}  // namespace jz::publish
