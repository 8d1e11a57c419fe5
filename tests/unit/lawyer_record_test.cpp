// A person's `lawyer` object (docs/RECORDS.md): it round-trips, the decoder refuses bad
// language codes, unknown expertise and the rest naming the path, and a lawyer who asked for
// confidentiality is never public — not in the record, not in the store's lists of what is
// public, not in search, not after a merge.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/merge_persons.hpp"
#include "core/record_json.hpp"
#include "core/redact.hpp"
#include "search/query.hpp"
#include "store/store.hpp"

namespace jz {
namespace {

const char* kPartner =
    R"j({"id":"p0000000w01","kind":"person","visibility":"restricted","body":{"name":{"en":"Anne Example"},"groups":["lawyer"],"status":"unknown","lawyer":{"licence":"SRA 123456","bar":{"en":"Law Society of England and Wales"},"foreign":true,"languages":["en","zh","ug"],"expertise":["criminal_defence","un_mechanisms"],"availability":"limited","asked_confidentiality":true}}})j";

std::string person_with(const std::string& lawyer, const std::string& visibility = "public") {
  return R"({"id":"p0000000w02","kind":"person","visibility":")" + visibility +
         R"(","body":{"name":{"zh":"王律师"},"groups":["lawyer"],"lawyer":)" + lawyer + "}}";
}

TEST(LawyerRecord, RoundTripsToTheSameBytes) {
  auto r = parse_record(kPartner);
  ASSERT_TRUE(r) << r.status().message();
  const Lawyer& l = std::get<Person>(r->body).lawyer;
  EXPECT_EQ(l.licence, "SRA 123456");
  EXPECT_EQ(l.bar.en, "Law Society of England and Wales");
  EXPECT_TRUE(l.foreign);
  EXPECT_EQ(l.languages, (std::vector<std::string>{"en", "zh", "ug"}));
  EXPECT_EQ(l.expertise, (std::vector<std::string>{"criminal_defence", "un_mechanisms"}));
  EXPECT_EQ(l.availability, "limited");
  EXPECT_TRUE(l.asked_confidentiality);
  EXPECT_EQ(to_canonical_json(*r), kPartner);
}

TEST(LawyerRecord, AnEmptyLawyerIsLeftOut) {
  for (const char* empty : {"{}", R"({"foreign":false,"asked_confidentiality":false})"}) {
    auto r = parse_record(person_with(empty));
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_TRUE(std::get<Person>(r->body).lawyer.empty());
    EXPECT_EQ(to_canonical_json(*r).find("lawyer\":"), std::string::npos) << empty;
  }
}

TEST(LawyerRecord, RefusesBadValuesNamingThePath) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"languages":["zh","EN"]})",
       "/body/lawyer/languages/1: \"EN\" is not an ISO 639 language code; write 2 or 3 "
       "lowercase letters"},
      {R"({"languages":["english"]})", "/body/lawyer/languages/0: \"english\" is not an ISO 639"},
      {R"({"languages":["z"]})", "/body/lawyer/languages/0: \"z\" is not an ISO 639"},
      {R"({"languages":["zh-Hans"]})", "/body/lawyer/languages/0: \"zh-Hans\" is not"},
      {R"({"languages":[7]})", "/body/lawyer/languages/0: expected a language code string"},
      {R"({"languages":["zh","en","zh"]})", "/body/lawyer/languages/2: \"zh\" is listed twice"},
      {R"({"languages":"zh"})", "/body/lawyer/languages: expected a list"},
      {R"({"expertise":["criminal_defence","tax"]})",
       "/body/lawyer/expertise/1: \"tax\" is not allowed; use one of criminal_defence, "
       "administrative_litigation"},
      {R"({"expertise":["labour","labour"]})", "/body/lawyer/expertise/1: \"labour\" is listed"},
      {R"({"availability":"busy"})",
       "/body/lawyer/availability: \"busy\" is not allowed; use one of available, limited, "
       "unavailable"},
      {R"({"foreign":"yes"})", "/body/lawyer/foreign: expected true or false"},
      {R"({"asked_confidentiality":1})", "/body/lawyer/asked_confidentiality: expected true"},
      {R"({"bar":"Beijing"})", "/body/lawyer/bar: expected {\"zh\""},
      {R"({"licence":11101200})", "/body/lawyer/licence: expected a string"},
      {R"({"phone":"+86"})", "/body/lawyer/phone: unknown field; the fields here are licence"},
      {R"(["zh"])", "/body/lawyer: expected an object"},
  };
  for (const auto& [lawyer, says] : cases) {
    SCOPED_TRACE(lawyer);
    auto r = parse_record(person_with(lawyer));
    ASSERT_FALSE(r);
    EXPECT_NE(r.status().message().find(says), std::string::npos) << r.status().message();
  }
  // ISO 639-2 and 639-3 codes are three letters.
  auto three = parse_record(person_with(R"({"languages":["zho","cmn","uig","bod"]})"));
  EXPECT_TRUE(three) << three.status().message();
}

TEST(LawyerRecord, ALawyerWhoAskedForConfidentialityIsNeverPublic) {
  auto asked = parse_record(person_with(R"({"asked_confidentiality":true})"));
  ASSERT_TRUE(asked) << asked.status().message();
  EXPECT_EQ(asked->visibility, "restricted") << "public becomes restricted";
  EXPECT_NE(to_canonical_json(*asked).find("\"visibility\":\"restricted\""), std::string::npos);
  EXPECT_FALSE(public_view(*asked, [](std::string_view) { return true; }));
  // Written without a visibility, which means public: the same.
  auto unset = parse_record(
      R"({"kind":"person","body":{"name":{"en":"A"},"lawyer":{"asked_confidentiality":true}}})");
  ASSERT_TRUE(unset);
  EXPECT_EQ(unset->visibility, "restricted");
  // More hidden already: left as it is.
  auto confidential =
      parse_record(person_with(R"({"asked_confidentiality":true})", "confidential"));
  ASSERT_TRUE(confidential);
  EXPECT_EQ(confidential->visibility, "confidential");
  // A lawyer who did not ask is public when the record says so.
  auto open = parse_record(person_with(R"({"licence":"11101200910000000"})"));
  ASSERT_TRUE(open);
  EXPECT_EQ(open->visibility, "public");
  // Hiding the wish itself does not make the record public.
  auto hidden_wish =
      parse_record(R"({"kind":"person","confidential":["/body/lawyer/asked_confidentiality"],)"
                   R"("body":{"name":{"en":"A"},"lawyer":{"asked_confidentiality":true}}})");
  ASSERT_TRUE(hidden_wish) << hidden_wish.status().message();
  EXPECT_EQ(hidden_wish->visibility, "restricted");
}

TEST(LawyerRecord, AMergeCarriesTheLawyerAndTheWish) {
  auto kept = parse_record(R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王某"}}})");
  auto dup = parse_record(person_with(R"({"licence":"X1","asked_confidentiality":true})"));
  ASSERT_TRUE(kept && dup);
  auto merged = merge_persons(*kept, *dup);
  ASSERT_TRUE(merged) << merged.status().message();
  EXPECT_EQ(std::get<Person>(merged->body).lawyer.licence, "X1");
  EXPECT_TRUE(std::get<Person>(merged->body).lawyer.asked_confidentiality);
  EXPECT_EQ(merged->visibility, "restricted") << "the kept record is no longer public";

  // The kept record's own lawyer facts win, but the wish still goes with the person.
  auto kept_lawyer = parse_record(
      R"({"id":"p0000000001","kind":"person","body":{"name":{"zh":"王某"},"lawyer":{"licence":"K"}}})");
  ASSERT_TRUE(kept_lawyer);
  merged = merge_persons(*kept_lawyer, *dup);
  ASSERT_TRUE(merged) << merged.status().message();
  EXPECT_EQ(std::get<Person>(merged->body).lawyer.licence, "K");
  EXPECT_EQ(merged->visibility, "restricted");
}

class LawyerStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jz-lawyer-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir_);
    auto s = store::open_sqlite((dir_ / "t.db").string(), {.create = true});
    ASSERT_TRUE(s) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(LawyerStore, TheStoreNeverCountsAnAskingLawyerAsPublic) {
  for (const std::string& json :
       {std::string(R"({"id":"p0000000w03","kind":"person","body":{"name":{"en":"Open Lawyer"},)"
                    R"("groups":["lawyer"],"lawyer":{"licence":"A1"}}})"),
        std::string(R"({"id":"p0000000w04","kind":"person","visibility":"public","body":)"
                    R"({"name":{"en":"Zhuang Quietname"},"groups":["lawyer"],)"
                    R"("lawyer":{"asked_confidentiality":true}}})")}) {
    auto r = parse_record(json);
    ASSERT_TRUE(r) << r.status().message();
    ASSERT_TRUE(store_->put(*r, {"test", "test"}));
  }
  auto hidden = store_->non_public_ids();
  ASSERT_TRUE(hidden);
  EXPECT_EQ(*hidden, (std::vector<std::string>{"p0000000w04"}));
  auto oracle = store::public_oracle(*store_);
  ASSERT_TRUE(oracle);
  EXPECT_TRUE((*oracle)("p0000000w03"));
  EXPECT_FALSE((*oracle)("p0000000w04"));

  store::ListQuery lawyers;
  lawyers.kind = "person";
  lawyers.filters = {{"group", "lawyer"}};
  auto listed = store_->list_public(lawyers);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->total, 1);
  EXPECT_EQ(listed->records[0].id, "p0000000w03");

  for (auto [words, hits] : {std::pair{"Quietname", 0}, {"Open", 1}}) {
    auto query = search::parse_query(words);
    ASSERT_TRUE(query) << query.status().message();
    search::SearchRequest q;
    q.query = std::move(*query);
    auto found = store_->search(q);
    ASSERT_TRUE(found) << found.status().message();
    EXPECT_EQ(found->total, hits) << words;
  }
}

}  // namespace
}  // namespace jz
