#include "core/record_diff.hpp"

#include <gtest/gtest.h>

#include "core/record_json.hpp"

namespace jz {
namespace {

Date date(const char* text) {
  return PartialDate::parse(text).value();
}

// A record as the store keeps it after its first revision.
Record liu_xiaobo() {
  Person p;
  p.name = Text{"刘晓波", "", "Liu Xiaobo"};
  p.aliases = {{"Liu Hsiao-po", "wade_giles"}, {"Liu Xiaobo", "pinyin"}};
  p.born = date("1955-12-28");
  p.groups = {"writer", "academic"};
  p.health = Text{"", "", "liver cancer"};
  p.status = "deceased";
  Record r;
  r.id = "p0k3m9x2q4a";
  r.slug = "liu-xiaobo";
  r.created = r.updated = "2026-01-02T03:04:05Z";
  r.revision = 1;
  r.sources = {{"s0000000001", "line 50"}};
  r.body = p;
  return r;
}

Person& person(Record& r) {
  return std::get<Person>(r.body);
}

// One line per change, as a history view might show it.
std::vector<std::string> lines(const Result<std::vector<FieldChange>>& changes) {
  EXPECT_TRUE(changes) << changes.status().message();
  std::vector<std::string> out;
  if (!changes) return out;
  for (const auto& c : *changes) {
    switch (c.kind) {
      case FieldChange::Kind::kAdded:
        out.push_back("+ " + c.path + ": " + c.after);
        break;
      case FieldChange::Kind::kRemoved:
        out.push_back("- " + c.path + ": " + c.before);
        break;
      case FieldChange::Kind::kChanged:
        out.push_back("~ " + c.path + ": " + c.before + " -> " + c.after);
        break;
    }
  }
  return out;
}

std::vector<std::string> diff(const Record& before, const Record& after) {
  return lines(diff_records(to_canonical_json(before), to_canonical_json(after)));
}

using Lines = std::vector<std::string>;

TEST(RecordDiff, UnchangedGivesNothing) {
  EXPECT_EQ(diff(liu_xiaobo(), liu_xiaobo()), Lines{});
  EXPECT_EQ(lines(diff_records("", "")), Lines{});
}

TEST(RecordDiff, OneLanguageOfATextShowsAlone) {
  Record after = liu_xiaobo();
  person(after).name.en = "Liu Xiao-bo";
  person(after).name.zh_hant = "劉曉波";
  EXPECT_EQ(diff(liu_xiaobo(), after),
            (Lines{"+ /body/name/zh_hant: 劉曉波", "~ /body/name/en: Liu Xiaobo -> Liu Xiao-bo"}));
}

TEST(RecordDiff, ADateChanged) {
  Record after = liu_xiaobo();
  person(after).born = date("1955-12~");
  EXPECT_EQ(diff(liu_xiaobo(), after), Lines{"~ /body/born: 1955-12-28 -> 1955-12~"});
}

TEST(RecordDiff, AnAliasInsertedAtTheFrontIsOneAddition) {
  Record after = liu_xiaobo();
  auto& aliases = person(after).aliases;
  aliases.insert(aliases.begin(), Alias{"劉曉波", "chinese"});
  EXPECT_EQ(diff(liu_xiaobo(), after),
            Lines{R"(+ /body/aliases/0: {"name":"劉曉波","system":"chinese"})"});
}

TEST(RecordDiff, AnElementEditedInPlaceIsComparedFieldByField) {
  Record after = liu_xiaobo();
  auto& aliases = person(after).aliases;
  aliases[1].name = "Liu Xiao Bo";  // its index in the new record is 2 after the insertion
  aliases.insert(aliases.begin(), Alias{"劉曉波", "chinese"});
  EXPECT_EQ(diff(liu_xiaobo(), after),
            (Lines{R"(+ /body/aliases/0: {"name":"劉曉波","system":"chinese"})",
                   "~ /body/aliases/2/name: Liu Xiaobo -> Liu Xiao Bo"}));
}

TEST(RecordDiff, AConfidentialPointerAdded) {
  Record before = liu_xiaobo();
  before.confidential = {"/body/health"};
  Record after = before;
  after.confidential.push_back("/sources/0");
  EXPECT_EQ(diff(before, after), Lines{"+ /confidential/1: /sources/0"});
  EXPECT_EQ(diff(liu_xiaobo(), before), Lines{"+ /confidential/0: /body/health"});
}

TEST(RecordDiff, ScalarsSwappedAreRemovedAndAddedNotChanged) {
  Record after = liu_xiaobo();
  person(after).groups = {"writer", "activist"};
  EXPECT_EQ(diff(liu_xiaobo(), after),
            (Lines{"- /body/groups/1: academic", "+ /body/groups/1: activist"}));
}

TEST(RecordDiff, RevisionAndUpdatedBumpsAreIgnored) {
  Record after = liu_xiaobo();
  after.revision = 2;
  after.updated = "2026-03-04T05:06:07Z";
  EXPECT_EQ(diff(liu_xiaobo(), after), Lines{});
  person(after).status = "released";  // with a real change, only that shows
  EXPECT_EQ(diff(liu_xiaobo(), after), Lines{"~ /body/status: deceased -> released"});
}

TEST(RecordDiff, CreationListsEveryFieldAsAddedAndDeletionAsRemoved) {
  const std::string json = to_canonical_json(liu_xiaobo());
  EXPECT_EQ(
      lines(diff_records("", json)),
      (Lines{"+ /id: p0k3m9x2q4a", "+ /kind: person", "+ /slug: liu-xiaobo",
             "+ /visibility: public", "+ /created: 2026-01-02T03:04:05Z",
             R"(+ /sources/0: {"source":"s0000000001","locator":"line 50"})",
             "+ /body/name/zh: 刘晓波", "+ /body/name/en: Liu Xiaobo",
             R"(+ /body/aliases/0: {"name":"Liu Hsiao-po","system":"wade_giles"})",
             R"(+ /body/aliases/1: {"name":"Liu Xiaobo","system":"pinyin"})",
             "+ /body/born: 1955-12-28", "+ /body/groups/0: writer", "+ /body/groups/1: academic",
             "+ /body/health/en: liver cancer", "+ /body/status: deceased"}));
  auto removed = diff_records(json, "");
  ASSERT_TRUE(removed) << removed.status().message();
  EXPECT_EQ(removed->size(), 15u);
  for (const auto& c : *removed) EXPECT_EQ(c.kind, FieldChange::Kind::kRemoved) << c.path;
}

TEST(RecordDiff, ARemovedFieldShowsWhereItWas) {
  Record after = liu_xiaobo();
  person(after).health = {};
  person(after).status = "released";
  auto changes = diff_records(to_canonical_json(liu_xiaobo()), to_canonical_json(after));
  ASSERT_TRUE(changes) << changes.status().message();
  EXPECT_EQ(*changes, (std::vector<FieldChange>{
                          {.path = "/body/health/en",
                           .before = "liver cancer",
                           .kind = FieldChange::Kind::kRemoved},
                          {.path = "/body/status", .before = "deceased", .after = "released"}}));
}

TEST(RecordDiff, BadJsonNamesTheSide) {
  const std::string good = to_canonical_json(liu_xiaobo());
  auto before = diff_records(R"({"id":)", good);
  ASSERT_FALSE(before);
  EXPECT_EQ(before.status().code(), Code::kInvalid);
  EXPECT_EQ(before.status().message().rfind("before: byte ", 0), 0u) << before.status().message();
  auto after = diff_records(good, "[1]");
  ASSERT_FALSE(after);
  EXPECT_EQ(after.status().message(), "after: not a JSON object");
  auto huge = diff_records(good, R"({"n":2E989})");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.status().message().rfind("after: ", 0), 0u) << huge.status().message();
}

}  // namespace
}  // namespace jz
