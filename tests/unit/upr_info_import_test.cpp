// The UPR Info import (src/exchange/upr_info.cpp) on the CSVs as published
// (../shared/realdata/upr-info-recs: MacRoman, CR line ends), and on small files made here
// for what the real ones do not hold: bad rows, MacRoman letters, duplicates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <tuple>

#include "core/clock.hpp"
#include "exchange/csv_reader.hpp"
#include "exchange/import.hpp"
#include "store/store.hpp"

namespace jz::exchange {
namespace {

namespace fs = std::filesystem;

const std::string kRealData = std::string(JZ_REALDATA) + "/upr-info-recs/";
const std::string kSessions1to5 = kRealData + "upr-info-sessions-1-5.csv";
const std::string kSessions14to17 = kRealData + "upr-info-sessions-14-17.csv";
constexpr std::string_view kHeader =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session";

class UprInfoImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jz-upr-" + std::to_string(std::random_device()()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    auto s = store::open_sqlite((dir_ / "t.db").string(),
                                {.create = true, .clock = fixed_clock("2026-11-22T10:00:00Z")});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  Result<ImportReport> import(const std::string& path, const std::string& to = "China") {
    ImportOptions options;
    options.author = "tester";
    options.upr_to = to;
    return import_upr_info(*store_, path, options);
  }
  ImportReport import_ok(const std::string& path, const std::string& to = "China") {
    auto report = import(path, to);
    EXPECT_TRUE(report) << report.status().message();
    return report ? *report : ImportReport{};
  }
  // A file of the header and these rows, each ended by CR as UPR Info's files are; the
  // bytes are written as given (MacRoman).
  std::string write(const std::string& name, const std::vector<std::string>& rows) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    out << kHeader;
    for (const auto& row : rows) out << '\r' << row;
    return path;
  }
  std::vector<Record> all(const std::string& kind) {
    auto records = store_->list(kind, 0, 100000);
    EXPECT_TRUE(records) << records.status().message();
    return records ? *records : std::vector<Record>{};
  }
  // Everything that would show a change: the revision chain's head and the count of each
  // kind.
  std::string state() {
    auto verify = store_->verify();
    auto counts = store_->count_by_kind();
    EXPECT_TRUE(verify && counts);
    std::string s = verify ? verify->head_hash : "";
    if (counts)
      for (const auto& [kind, n] : *counts) s += " " + kind + "=" + std::to_string(n);
    return s;
  }
  // The import of `path` fails with a message starting "path:line:column: " and
  // containing `what`, and changes nothing.
  void expect_refused(const std::string& path, std::size_t line, std::size_t column,
                      const std::string& what) {
    std::string before = state();
    auto report = import(path);
    ASSERT_FALSE(report) << "imported " << path;
    const std::string& m = report.status().message();
    std::string where = path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    EXPECT_EQ(m.rfind(where, 0), 0u) << m << "\nexpected it to start with " << where;
    EXPECT_NE(m.find(what), std::string::npos) << m;
    EXPECT_NE(m.find("nothing was imported"), std::string::npos) << m;
    EXPECT_EQ(state(), before);
  }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

// The 1-based column where `text` starts in `row` (ASCII rows).
std::size_t column_of(const std::string& row, const std::string& text) {
  auto at = row.find(text);
  EXPECT_NE(at, std::string::npos) << text << " not in " << row;
  return at + 1;
}

const Recommendation& rec(const Record& r) {
  return std::get<Recommendation>(r.body);
}

TEST_F(UprInfoImport, RealFilesGiveChinasTwoReviews) {
  ImportReport first = import_ok(kSessions1to5);
  EXPECT_EQ(first.rows, 138);
  EXPECT_EQ(first.created, 140);  // and the review of session 4, and the dataset's source
  EXPECT_EQ(first.updated, 0);
  EXPECT_TRUE(first.warnings.empty());
  ImportReport second = import_ok(kSessions14to17);
  EXPECT_EQ(second.rows, 284);
  EXPECT_EQ(second.created, 285);  // the source exists already

  const std::string review4 = upr_review_id("China", 4), review17 = upr_review_id("China", 17);
  EXPECT_NE(review4, review17);
  EXPECT_EQ(review4[0], 'v');
  auto recs = all("recommendation");
  ASSERT_EQ(recs.size(), 422u);
  std::map<std::string, std::map<std::string, int>> responses;  // review -> response -> count
  for (const auto& r : recs) {
    EXPECT_EQ(r.id[0], 'r');
    ++responses[rec(r).review][rec(r).response];
    EXPECT_FALSE(rec(r).text.en.empty());
    EXPECT_FALSE(rec(r).from.empty());
    EXPECT_FALSE(rec(r).themes.empty()) << rec(r).text.en;
  }
  EXPECT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[review4], (std::map<std::string, int>{{"accepted", 55}, {"noted", 83}}));
  EXPECT_EQ(responses[review17], (std::map<std::string, int>{{"accepted", 207}, {"noted", 77}}));

  auto reviews = all("review");
  ASSERT_EQ(reviews.size(), 2u);
  for (const auto& [id, session, month] :
       {std::tuple{review4, "4", "2009-02"}, std::tuple{review17, "17", "2013-10"}}) {
    auto r = store_->get(id);
    ASSERT_TRUE(r) << r.status().message();
    const auto& v = std::get<Review>(r->body);
    EXPECT_EQ(v.body, "upr");
    EXPECT_EQ(v.cycle, std::string("UPR session ") + session);
    EXPECT_EQ(v.title.en, std::string("Universal Periodic Review of China, session ") + session);
    EXPECT_TRUE(v.title.zh.empty());
    ASSERT_TRUE(v.date);
    EXPECT_EQ(v.date->to_string(), month);
    EXPECT_TRUE(v.treaty.empty());
  }
}

TEST_F(UprInfoImport, ThemesOfOneRowAsTheCsvGivesThem) {
  // Line 2490 of the session 14-17 file, read as the file has it.
  std::ifstream in(kSessions14to17, std::ios::binary);
  ASSERT_TRUE(in) << kSessions14to17;
  std::string line;
  for (int n = 1; n <= 2490 && std::getline(in, line, '\r'); ++n) {
  }
  std::istringstream row_in(line);
  CsvReader reader(row_in, "line 2490");
  std::vector<CsvField> row;
  auto more = reader.next(row);
  ASSERT_TRUE(more && *more) << more.status().message();
  ASSERT_EQ(row.size(), 11u) << line;
  EXPECT_EQ(row[0].value, "China");
  EXPECT_EQ(row[4].value, "Netherlands");
  EXPECT_EQ(row[7].value, "Accepted");
  EXPECT_EQ(row[9].value,
            "Freedom of religion and belief,HIV - Aids,Labour,Minorities,Sexual Orientation and "
            "Gender Identity,Women's rights");
  EXPECT_EQ(row[10].value, "17");

  import_ok(kSessions14to17);
  int found = 0;
  for (const auto& r : all("recommendation")) {
    if (rec(r).text.en != row[3].value) continue;
    ++found;
    EXPECT_EQ(rec(r).from, "Netherlands");
    EXPECT_EQ(rec(r).response, "accepted");
    EXPECT_EQ(rec(r).review, upr_review_id("China", 17));
    // Each cites the dataset, with the file and line it came from.
    ASSERT_EQ(r.sources.size(), 1u);
    EXPECT_EQ(r.sources[0].locator, "upr-info-sessions-14-17.csv, line 2490");
    auto source = store_->get(r.sources[0].source);
    ASSERT_TRUE(source);
    EXPECT_EQ(std::get<Source>(source->body).type, "dataset");
    EXPECT_EQ(rec(r).themes,
              (std::vector<std::string>{"freedom_of_religion_and_belief", "hiv_aids", "labour",
                                        "minorities", "sexual_orientation_and_gender_identity",
                                        "womens_rights"}));
  }
  EXPECT_EQ(found, 1);
}

TEST_F(UprInfoImport, ImportingAgainChangesNothing) {
  import_ok(kSessions1to5);
  import_ok(kSessions14to17);
  std::string before = state();
  for (const auto& path : {kSessions1to5, kSessions14to17}) {
    ImportReport again = import_ok(path);
    EXPECT_EQ(again.created, 0) << path;
    EXPECT_EQ(again.updated, 0) << path;
    EXPECT_EQ(again.unchanged, again.rows + 2) << path;  // the rows, their review, the source
  }
  EXPECT_EQ(state(), before);
}

TEST_F(UprInfoImport, AReviewTheTeamEditedIsKept) {
  import_ok(kSessions1to5);
  auto review = store_->get(upr_review_id("China", 4));
  ASSERT_TRUE(review);
  auto& v = std::get<Review>(review->body);
  v.title.zh = "中国第一轮普遍定期审议";
  v.summary.en = "Written by the team.";
  ASSERT_TRUE(store_->put(*review, {"editor", "add a summary"}));

  ImportReport again = import_ok(kSessions1to5);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 140);
  auto kept = store_->get(upr_review_id("China", 4));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->revision, 2);
  EXPECT_EQ(std::get<Review>(kept->body).summary.en, "Written by the team.");
  EXPECT_EQ(std::get<Review>(kept->body).title.zh, "中国第一轮普遍定期审议");
}

TEST_F(UprInfoImport, MacRomanLettersBecomeUtf8) {
  // 0x8E é, 0x88 à, 0xD5 ’ (in an issue name: dropped like an apostrophe), 0x87 á.
  std::string path = write("macroman.csv", {
                                               "China,Asia,,Reconsider its position vis-\x88-vis "
                                               "the death penalty ,S\x8En\x8Egal,Africa,AU,"
                                               "Accepted,4,\"Women\xD5s rights,Death penalty\",4",
                                               "Panama,GRULAC,OAS,Support the Defensor\x87 del "
                                               "Pueblo,Spain,WEOG,EU,Noted,3,NHRI,5",
                                           });
  ImportReport report = import_ok(path);
  EXPECT_EQ(report.rows, 1);
  EXPECT_EQ(report.created, 3);
  auto recs = all("recommendation");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(rec(recs[0]).from, "Sénégal");
  EXPECT_EQ(rec(recs[0]).text.en, "Reconsider its position vis-à-vis the death penalty");
  // In the vocabulary's order, not the file's.
  EXPECT_EQ(rec(recs[0]).themes, (std::vector<std::string>{"death_penalty", "womens_rights"}));
  EXPECT_EQ(rec(recs[0]).response, "accepted");
  EXPECT_EQ(rec(recs[0]).review, upr_review_id("China", 4));

  // Another state's rows, from the same file.
  ImportReport panama = import_ok(path, "Panama");
  EXPECT_EQ(panama.rows, 1);
  auto review = store_->get(upr_review_id("Panama", 5));
  ASSERT_TRUE(review) << review.status().message();
  EXPECT_EQ(std::get<Review>(review->body).title.en,
            "Universal Periodic Review of Panama, session 5");
  bool found = false;
  for (const auto& r : all("recommendation"))
    found = found || rec(r).text.en == "Support the Defensorá del Pueblo";
  EXPECT_TRUE(found);
}

TEST_F(UprInfoImport, ExactDuplicatesAreTwoRecordsFoundAgainOnReimport) {
  const std::string row = "China,Asia,,Ratify the ICCPR,Austria,WEOG,EU,Accepted,5,Justice,4";
  std::string path = write("dup.csv", {row, row,
                                       "China,Asia,,Ratify the ICCPR,Chile,GRULAC,,"
                                       "Accepted,5,Justice,4"});
  ImportReport first = import_ok(path);
  EXPECT_EQ(first.rows, 3);
  EXPECT_EQ(first.created, 5);
  EXPECT_EQ(all("recommendation").size(), 3u);
  ImportReport again = import_ok(path);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 5);
}

TEST_F(UprInfoImport, NoRowToTheStateIsAWarning) {
  std::string path = write("none.csv", {"Chile,GRULAC,,Ratify the ICCPR,Austria,WEOG,EU,"
                                        "Accepted,5,Justice,4"});
  ImportReport report = import_ok(path, "china");
  EXPECT_EQ(report.rows, 0);
  EXPECT_EQ(report.created, 0);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("no row has To \"china\""), std::string::npos);
}

TEST_F(UprInfoImport, BadRowsAnywhereAreRefusedWithTheirLine) {
  // Something in the database first, so "unchanged" means more than "still empty".
  const std::string good = "China,Asia,,Ratify the ICCPR,Austria,WEOG,EU,Accepted,5,Justice,4";
  import_ok(write("good.csv", {good}));
  const std::string other = "Chile,GRULAC,,Ratify the CED,Spain,WEOG,EU,Noted,5,Justice,5";

  {
    SCOPED_TRACE("wrong column count, in another state's row after China's");
    std::string bad = "Chile,GRULAC,,Ratify the CED,Spain,WEOG,EU,Noted,5,5";
    expect_refused(write("columns.csv", {good, other, bad}), 4, 1, "expected 11 columns");
  }
  {
    SCOPED_TRACE("unknown response");
    std::string bad = "Chile,GRULAC,,Ratify the CED,Spain,WEOG,EU,Rejected,5,Justice,5";
    expect_refused(write("response.csv", {other, bad, good}), 3, column_of(bad, "Rejected"),
                   "column \"Response\": \"Rejected\" is not a response UPR Info gives");
  }
  {
    SCOPED_TRACE("unknown issue");
    std::string bad = "China,Asia,,Ratify the CED,Spain,WEOG,EU,Noted,5,\"Justice,Tortures\",4";
    expect_refused(write("issue.csv", {good, bad}), 3, column_of(bad, "\"Justice"),
                   "\"Tortures\" is not one of UPR Info's issues");
  }
  {
    SCOPED_TRACE("empty text");
    std::string bad = "Chile,GRULAC,,  ,Spain,WEOG,EU,Noted,5,Justice,5";
    expect_refused(write("text.csv", {bad}), 2, column_of(bad, "  "),
                   "column \"Text\": the recommendation's text is empty");
  }
  {
    SCOPED_TRACE("session not a number");
    std::string bad = "Chile,GRULAC,,Ratify the CED,Spain,WEOG,EU,Noted,5,Justice,5th";
    expect_refused(write("session.csv", {good, bad}), 3, column_of(bad, "5th"),
                   "\"5th\" is not a session number");
  }
  {
    SCOPED_TRACE("a session the importer has no month for");
    std::string bad = "China,Asia,,Ratify the CED,Spain,WEOG,EU,Noted,5,Justice,31";
    expect_refused(write("later.csv", {good, bad}), 3, column_of(bad, "31"),
                   "does not know when UPR session 31 was held");
  }
  {
    SCOPED_TRACE("a quoted field never closed");
    std::string bad = "Chile,GRULAC,,\"Ratify the CED,Spain,WEOG,EU,Noted,5,Justice,5";
    expect_refused(write("quote.csv", {good, bad}), 3, column_of(bad, "\""), "never closed");
  }
  {
    SCOPED_TRACE("the file saved again as UTF-8");
    std::string bad =
        "Chile,GRULAC,,Ratify the CED,S\xC3\xA9n\xC3\xA9gal,WEOG,EU,Noted,5,Justice,5";
    expect_refused(write("utf8.csv", {good, bad}), 3, column_of(bad, "\xC3"),
                   "this file is UTF-8, but UPR Info publishes its CSVs in MacRoman");
  }
  {
    SCOPED_TRACE("a control character: not a text file");
    std::string bad = "Chile,GRULAC,,Ratify\x01 the CED,Spain,WEOG,EU,Noted,5,Justice,5";
    expect_refused(write("control.csv", {good, bad}), 3, column_of(bad, "\x01"),
                   "byte 0x01 is a control character");
  }
  {
    SCOPED_TRACE("not UPR Info's header");
    std::string path = (dir_ / "header.csv").string();
    std::ofstream(path, std::ios::binary) << "To,Text,From\r" << good;
    expect_refused(path, 1, 4, "expected UPR Info's header");
  }
  EXPECT_EQ(all("recommendation").size(), 1u);
}

}  // namespace
}  // namespace jz::exchange
