// The standing-bodies kinds (docs/RECORDS.md): treaty, review, recommendation, engagement and
// indicator round-trip to the same bytes, the decoder refuses bad values naming the path, the
// ids they name are references (so the store checks them and public_view drops hidden ones),
// and their facets are what the lists filter on.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/facets.hpp"
#include "core/record_json.hpp"
#include "core/redact.hpp"

namespace jz {
namespace {

const char* kTreaty =
    R"j({"id":"y0000000cat","kind":"treaty","visibility":"public","body":{"code":"CAT","type":"core","name":{"zh":"禁止酷刑公约","en":"Convention against Torture"},"monitoring_body":{"en":"Committee against Torture"},"adopted":"1984-12-10","signed":"1986-12-12","ratified":"1988-10-04","reservations":[{"en":"Article 20 and article 30(1)"}]}})j";

const char* kReview =
    R"j({"id":"v0000000c00","kind":"review","visibility":"public","body":{"body":"cat","treaty":"y0000000cat","cycle":"3rd periodic report","title":{"en":"CAT review of China, 2000"},"date":"2000-05","documents":[{"symbol":"A/55/44","title":{"en":"Concluding observations"},"url":"https://undocs.org/A/55/44","date":"2000"}],"submissions":["s0000000n01"]}})j";

const char* kRecommendation =
    R"j({"id":"r0000000c01","kind":"recommendation","visibility":"public","body":{"review":"v0000000c00","document":"A/55/44","paragraph":"130","text":{"en":"Abolish all forms of administrative detention."},"themes":["detention","torture_and_other_cid_treatment"],"response":"none","assessments":[{"date":"2008","status":"not_implemented","text":{"en":"Re-education through labour still in use."},"sources":[{"source":"s0000000n01","locator":"p. 3"}],"evidence":["c0000000001"]},{"date":"2014","status":"partially_implemented","evidence":["c0000000002"]}]}})j";

const char* kEngagement =
    R"j({"id":"g0000000d01","kind":"engagement","visibility":"public","body":{"type":"dialogue","name":{"en":"U.S.-China Human Rights Dialogue"},"parties":{"en":"United States, China"},"from":"1990","ground_rules":{"publicity":{"en":"Results published after each round"}},"rounds":[{"date":"2010-05-13","place":{"en":"Washington"},"event":"e0000000001","raised":["p0000000001","c0000000001"]}],"commitments":[{"text":{"en":"Invite the Special Rapporteur on Torture"},"made":"2004","benchmark":{"en":"A visit takes place"},"status":"kept","assessed":"2005-12","evidence":["e0000000002"]}]}})j";

const char* kIndicator =
    R"j({"id":"n0000000d01","kind":"indicator","visibility":"public","body":{"dimension":"due_process","title":{"en":"Access to counsel"},"assessments":[{"from":"2000","to":"2005","value":"worsened","text":{"en":"Lawyers disbarred"}},{"from":"2006","value":"ambiguous"}]}})j";

TEST(StandingRecords, RoundTripToTheSameBytes) {
  for (const char* text : {kTreaty, kReview, kRecommendation, kEngagement, kIndicator}) {
    auto r = parse_record(text);
    ASSERT_TRUE(r) << text << "\n" << r.status().message();
    EXPECT_EQ(to_canonical_json(*r), text);
  }
}

TEST(StandingRecords, ReadTheFields) {
  auto treaty = parse_record(kTreaty);
  ASSERT_TRUE(treaty);
  const auto& t = std::get<Treaty>(treaty->body);
  EXPECT_EQ(t.code, "CAT");
  EXPECT_EQ(t.signed_on->to_string(), "1986-12-12");
  EXPECT_EQ(t.ratified->to_string(), "1988-10-04");
  EXPECT_EQ(treaty->label().en, "Convention against Torture");

  auto rec = parse_record(kRecommendation);
  ASSERT_TRUE(rec);
  const auto& c = std::get<Recommendation>(rec->body);
  ASSERT_EQ(c.assessments.size(), 2u);
  EXPECT_EQ(c.assessments[0].value, "not_implemented");
  EXPECT_EQ(c.assessments[1].evidence, Ids{"c0000000002"});
  EXPECT_EQ(rec->label().en, "Abolish all forms of administrative detention.");

  auto ind = parse_record(kIndicator);
  ASSERT_TRUE(ind);
  const auto& n = std::get<Indicator>(ind->body);
  EXPECT_EQ(n.assessments[0].to->to_string(), "2005");
  EXPECT_FALSE(n.assessments[1].to);
}

TEST(StandingRecords, NameWhatTheyPointAt) {
  auto rec = parse_record(kRecommendation);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->references(), (Ids{"c0000000001", "c0000000002", "s0000000n01", "v0000000c00"}));
  auto g = parse_record(kEngagement);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->references(), (Ids{"c0000000001", "e0000000001", "e0000000002", "p0000000001"}));
  auto v = parse_record(kReview);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->references(), (Ids{"s0000000n01", "y0000000cat"}));
}

TEST(StandingRecords, PublicViewDropsHiddenEvidenceAndRaisedPersons) {
  auto hidden = [](std::string_view id) { return id != "c0000000001" && id != "p0000000001"; };
  auto rec = parse_record(kRecommendation);
  ASSERT_TRUE(rec);
  auto shown = public_view(*rec, hidden);
  ASSERT_TRUE(shown);
  const auto& c = std::get<Recommendation>(shown->body);
  EXPECT_TRUE(c.assessments[0].evidence.empty());
  EXPECT_EQ(c.assessments[1].evidence, Ids{"c0000000002"});

  auto g = parse_record(kEngagement);
  ASSERT_TRUE(g);
  auto g_shown = public_view(*g, hidden);
  ASSERT_TRUE(g_shown);
  EXPECT_TRUE(std::get<Engagement>(g_shown->body).rounds[0].raised.empty());
  EXPECT_EQ(to_canonical_json(*g_shown).find("p0000000001"), std::string::npos);
}

TEST(StandingRecords, FacetsAreWhatListsFilterOn) {
  auto rec = parse_record(kRecommendation);
  ASSERT_TRUE(rec);
  auto facets = public_facets(*rec);
  ASSERT_TRUE(facets);
  auto has = [&](const char* name, const char* value) {
    return std::find(facets->begin(), facets->end(), Facet{name, value}) != facets->end();
  };
  EXPECT_TRUE(has("response", "none"));
  EXPECT_TRUE(has("theme", "detention"));
  EXPECT_TRUE(has("theme", "torture_and_other_cid_treatment"));
  // Where it stands now is the latest assessment.
  EXPECT_TRUE(has("implementation", "partially_implemented"));
  EXPECT_FALSE(has("implementation", "not_implemented"));
}

std::string with_body(const char* kind, const char* letter, const std::string& body) {
  return std::string(R"({"id":")") + letter + R"(0000000x01","kind":")" + kind + R"(","body":)" +
         body + "}";
}

TEST(StandingRecords, RefuseBadValuesNamingThePath) {
  struct Case {
    const char* kind;
    const char* letter;
    std::string body;
    const char* error;
  };
  const Case cases[] = {
      {"treaty", "y", R"({"code":"cat","type":"core","name":{"en":"x"}})",
       "/body/code: use capital ASCII letters"},
      {"treaty", "y", R"({"code":"CAT","type":"covenant","name":{"en":"x"}})",
       "/body/type: \"covenant\" is not allowed; use one of core, optional_protocol"},
      {"treaty", "y", R"({"code":"CAT","type":"core","name":{"en":"x"},"parent":"c0000000001"})",
       "/body/parent: \"c0000000001\" names the wrong kind of record here"},
      {"treaty", "y",
       R"({"code":"CAT","type":"core","name":{"en":"x"},"adopted":"1984","signed":"1980"})",
       "/body/signed: is before the treaty was adopted"},
      {"review", "v", R"({"body":"upr","title":{"en":"x"}})", "/body/date: required"},
      {"review", "v",
       R"({"body":"upr","title":{"en":"x"},"date":"2009","documents":[{"url":"https://a"}]})",
       "/body/documents/0: needs a \"symbol\" or a \"title\""},
      {"review", "v",
       R"({"body":"upr","title":{"en":"x"},"date":"2009","documents":[{"symbol":"A","url":"ftp://a"}]})",
       "/body/documents/0/url: \"ftp://a\" must start with http:// or https://"},
      {"recommendation", "r", R"({"text":{"en":"x"}})", "/body/review: required"},
      {"recommendation", "r",
       R"({"review":"v0000000c00","text":{"en":"x"},"themes":["detention","detention"]})",
       "/body/themes/1: \"detention\" is listed twice"},
      {"recommendation", "r", R"({"review":"v0000000c00","text":{"en":"x"},"response":"yes"})",
       "/body/response: \"yes\" is not allowed"},
      {"recommendation", "r",
       R"({"review":"v0000000c00","text":{"en":"x"},"assessments":[{"status":"implemented"}]})",
       "/body/assessments/0/date: required"},
      {"recommendation", "r",
       R"({"review":"v0000000c00","text":{"en":"x"},"assessments":[{"date":"2010","status":"improved"}]})",
       "/body/assessments/0/status: \"improved\" is not allowed; use one of implemented"},
      {"engagement", "g", R"({"type":"dialogue","name":{"en":"x"},"from":"2010","to":"2001"})",
       "/body/to: is before \"from\""},
      {"engagement", "g",
       R"({"type":"dialogue","name":{"en":"x"},"rounds":[{"place":{"en":"x"}}]})",
       "/body/rounds/0/date: required"},
      {"engagement", "g",
       R"({"type":"dialogue","name":{"en":"x"},"rounds":[{"date":"2010","raised":["f0000000001"]}]})",
       "/body/rounds/0/raised/0: \"f0000000001\" names the wrong kind of record here"},
      {"engagement", "g",
       R"({"type":"programme","name":{"en":"x"},"commitments":[{"text":{"en":"x"}}]})",
       "/body/commitments/0/status: required"},
      {"engagement", "g",
       R"({"type":"programme","name":{"en":"x"},"ground_rules":{"secrecy":{"en":"x"}}})",
       "/body/ground_rules/secrecy: unknown field"},
      {"indicator", "n",
       R"({"dimension":"due_process","title":{"en":"x"},"assessments":[{"from":"2010","to":"2009","value":"stasis"}]})",
       "/body/assessments/0/to: is before \"from\""},
      {"indicator", "n",
       R"({"dimension":"due_process","title":{"en":"x"},"assessments":[{"date":"2010","value":"stasis"}]})",
       "/body/assessments/0/date: unknown field"},
      {"recommendation", "r",
       R"({"review":"v0000000c00","text":{"en":"x"},"assessments":[{"date":"2012","status":"unclear"},{"date":"2010","status":"unclear"}]})",
       "/body/assessments/1/date: is before the assessment above it; list them oldest first"},
      {"indicator", "n",
       R"({"dimension":"due_process","title":{"en":"x"},"assessments":[{"from":"2012","value":"stasis"},{"from":"2010","value":"stasis"}]})",
       "/body/assessments/1/from: is before the assessment above it"},
      {"indicator", "n", R"({"dimension":"weather","title":{"en":"x"}})",
       "/body/dimension: \"weather\" is not allowed"},
  };
  for (const auto& c : cases) {
    auto r = parse_record(with_body(c.kind, c.letter, c.body));
    ASSERT_FALSE(r) << c.body;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos) << c.body << "\n"
                                                                     << r.status().message();
  }
}

}  // namespace
}  // namespace jz
