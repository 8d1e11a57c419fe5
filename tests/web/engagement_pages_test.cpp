// Dialogues, programmes and indicators on the site (web/engagement_pages.cpp,
// web/engagement_scorecard.cpp, web/indicator_pages.cpp): the scorecard's counts and rounds
// computed without HTTP; the pages in every language, with the persons raised at each round by
// both paths (the round's `raised`, a link raised_in to the round's event) and where they are
// now; hidden persons, evidence, sources, links and records never shown; the trend charts
// well-formed inside the pages; and one scorecard compared byte for byte with a golden file.
//
// The golden file is tests/web/golden/engagement_scorecard.html: the <main> of
// /en/engagements/g0000000ge1 (the layout around it is left out, so a new section in the
// navigation does not change it). After a deliberate change to the page, regenerate it with
//   UPDATE_GOLDEN=1 ctest --test-dir BUILD -R EngagementPages.TheScorecardMatchesItsGoldenFile
// and read the diff before committing it.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/record_json.hpp"
#include "demo_site.hpp"
#include "page_checks.hpp"
#include "web/engagement_scorecard.hpp"

namespace jz::web {
namespace {

using page_checks::between;
using page_checks::has;
using page_checks::xml_errors;

// Test records only (no real person). A dialogue with its rounds recorded out of order: round
// 1 (event e…ge1) raises One and Four by name and Two by a link raised_in; round 2 (event
// e…ge2) names a hidden person, and a case links to its event; round 3 raises Four again.
// Seven commitments: 3 kept, 2 partly, 1 broken, 1 pending, with a public and a hidden source
// and a public and a hidden evidence record. A programme without rounds; a hidden engagement.
// Indicators: one with four periods (a hidden source and evidence among them; the decoder
// wants them oldest first), one not assessed, one hidden.
const char* const kExtra =
    R"({"id":"s0000000ge1","kind":"source","body":{"type":"report","title":{"en":"Test dialogue report","zh":"测试对话报告"}}}
{"id":"s0000000ge2","kind":"source","visibility":"restricted","body":{"type":"report","title":{"en":"HIDDEN-SOURCE"}}}
{"id":"o0000000ge1","kind":"organization","body":{"type":"ngo","name":{"en":"Test Partner Institute"}}}
{"id":"e0000000ge1","kind":"event","body":{"type":"dialogue_round","date":"2010-05-13","title":{"en":"Test dialogue, first round"}}}
{"id":"e0000000ge2","kind":"event","body":{"type":"dialogue_round","date":"2011-04-27","title":{"en":"Test dialogue, second round"}}}
{"id":"p0000000ge1","kind":"person","body":{"name":{"en":"Test Prisoner One","zh":"测试甲"},"status":"detained"}}
{"id":"p0000000ge2","kind":"person","links":[{"type":"raised_in","target":"e0000000ge1"}],"body":{"name":{"en":"Test Prisoner Two","zh":"测试乙"},"status":"released"}}
{"id":"p0000000ge3","kind":"person","visibility":"restricted","links":[{"type":"raised_in","target":"e0000000ge2"}],"body":{"name":{"en":"HIDDEN-RAISED-PERSON"},"status":"detained"}}
{"id":"p0000000ge4","kind":"person","body":{"name":{"en":"Test Prisoner Four","zh":"测试丁"},"status":"serving_sentence"}}
{"id":"p0000000ge5","kind":"person","links":[{"type":"raised_in","target":"e0000000ge2","visibility":"restricted"}],"body":{"name":{"en":"Test Quiet Five"},"status":"detained"}}
{"id":"c0000000ge1","kind":"case","links":[{"type":"raised_in","target":"e0000000ge2"}],"body":{"title":{"en":"Test Case One","zh":"测试案"},"status":"on_trial"}}
{"id":"c0000000ge9","kind":"case","visibility":"restricted","body":{"title":{"en":"HIDDEN-EVIDENCE-CASE"}}}
{"id":"g0000000ge1","kind":"engagement","sources":[{"source":"s0000000ge1","locator":"p. 1"}],"body":{"type":"dialogue","name":{"en":"Test Human Rights Dialogue","zh":"测试人权对话"},"parties":{"en":"Testland, China","zh":"测试国、中国"},"partners":["o0000000ge1"],"from":"2010","to":"2013","ground_rules":{"publicity":{"en":"Summaries published after each round."},"inclusiveness":{"en":"NGOs briefed before, not admitted."}},"summary":{"en":"A test dialogue."},)"
    R"("rounds":[)"
    R"({"date":"2013-07-30","place":{"en":"Testville"},"agenda":{"en":"Third agenda"},"raised":["p0000000ge4"]},)"
    R"({"date":"2010-05-13","place":{"en":"Beijing"},"agenda":{"en":"First agenda"},"civil_society":{"en":"Two NGOs briefed the delegation."},"outcomes":{"en":"A list handed over."},"event":"e0000000ge1","raised":["p0000000ge1","p0000000ge4"]},)"
    R"({"date":"2011-04-27","place":{"en":"Washington"},"agenda":{"en":"Second agenda"},"progress":{"en":"No answer on the list."},"event":"e0000000ge2","raised":["p0000000ge3"]}],)"
    R"("commitments":[{"text":{"en":"Commitment kept A"},"made":"2010-05","status":"kept","assessed":"2012","sources":[{"source":"s0000000ge1","locator":"p. 4"},{"source":"s0000000ge2"}],"evidence":["c0000000ge1","c0000000ge9"]},)"
    R"({"text":{"en":"Commitment kept B"},"status":"kept"},{"text":{"en":"Commitment kept C"},"status":"kept"},)"
    R"({"text":{"en":"Commitment partly A"},"benchmark":{"en":"A law amended"},"status":"partly_kept"},{"text":{"en":"Commitment partly B"},"status":"partly_kept"},)"
    R"({"text":{"en":"Commitment broken"},"status":"broken"},{"text":{"en":"Commitment pending"},"status":"pending"}]}}
{"id":"g0000000ge2","kind":"engagement","body":{"type":"programme","name":{"en":"Test Rule of Law Programme"},"funder":{"en":"Test Foundation"},"from":"2005","to":"2012"}}
{"id":"g0000000ge3","kind":"engagement","body":{"type":"dialogue","name":{"en":"Test Single Promise Dialogue"},"commitments":[{"text":{"en":"One"},"status":"kept"}]}}
{"id":"g0000000ge9","kind":"engagement","visibility":"restricted","body":{"type":"dialogue","name":{"en":"HIDDEN-ENGAGEMENT"}}}
{"id":"n0000000ge1","kind":"indicator","body":{"dimension":"death_penalty","title":{"en":"Test death penalty indicator","zh":"测试死刑指标"},)"
    R"("assessments":[{"from":"2000","to":"2005","value":"worsened","text":{"en":"More executions."},"sources":[{"source":"s0000000ge1","locator":"ch. 2"},{"source":"s0000000ge2"}],"evidence":["c0000000ge1","c0000000ge9"]},)"
    R"({"from":"2006","to":"2008","value":"stasis","text":{"en":"No change seen."}},)"
    R"({"from":"2009","value":"improved"},{"from":"2010","to":"2011","value":"ambiguous"}]}}
{"id":"n0000000ge2","kind":"indicator","body":{"dimension":"labour","title":{"en":"Test labour indicator"}}}
{"id":"n0000000ge9","kind":"indicator","visibility":"restricted","body":{"dimension":"labour","title":{"en":"HIDDEN-INDICATOR"}}}
)";

// Every <svg>…</svg> in a page.
std::vector<std::string> svgs_in(const std::string& page) {
  std::vector<std::string> out;
  for (auto at = page.find("<svg"); at != std::string::npos; at = page.find("<svg", at + 1)) {
    auto end = page.find("</svg>", at);
    if (end == std::string::npos) break;
    out.push_back(page.substr(at, end + 6 - at));
  }
  return out;
}

Record record(const char* json) {
  auto r = parse_record(json);
  EXPECT_TRUE(r) << r.status().message();
  return r ? *r : Record{};
}

// --- the scorecard without HTTP --------------------------------------------------------

const char* const kDialogue =
    R"({"id":"g0000000001","kind":"engagement","body":{"type":"dialogue","name":{"en":"D"},
"rounds":[{"date":"2012","raised":["p0000000001"]},{"date":"2010-05","event":"e0000000001","raised":["p0000000001","c0000000001"]},{"date":"2011","event":"e0000000002","raised":["p0000000009"]}],
"commitments":[{"text":{"en":"a"},"status":"kept"},{"text":{"en":"b"},"status":"broken"},{"text":{"en":"c"},"status":"kept"},{"text":{"en":"d"},"status":"unclear"},{"text":{"en":"e"},"status":"pending"},{"text":{"en":"f"},"status":"partly_kept"}]}})";

TEST(Scorecard, CountsCommitmentsByStatus) {
  auto g = record(kDialogue);
  auto c = count_commitments(std::get<Engagement>(g.body));
  EXPECT_EQ(
      c, (CommitmentCounts{.kept = 2, .partly_kept = 1, .broken = 1, .pending = 1, .unclear = 1}));
  EXPECT_EQ(c.total(), 6);
  EXPECT_EQ(count_commitments(Engagement{}).total(), 0);
}

TEST(Scorecard, OrdersRoundsByDateAndFindsWhoWasRaisedByBothPaths) {
  auto g = record(kDialogue);
  std::vector<Record> named = {
      record(
          R"({"id":"p0000000001","kind":"person","body":{"name":{"en":"A"},"status":"detained"}})"),
      record(R"({"id":"c0000000001","kind":"case","body":{"title":{"en":"C"}}})"),
      // Linked to the first round's event, and to the second's.
      record(
          R"({"id":"p0000000002","kind":"person","links":[{"type":"raised_in","target":"e0000000001"},{"type":"raised_in","target":"e0000000002"}],"body":{"name":{"en":"B"},"status":"released"}})"),
      // A link of another type to the event is not a raising.
      record(
          R"({"id":"p0000000003","kind":"person","links":[{"type":"related_to","target":"e0000000001"}],"body":{"name":{"en":"X"}}})"),
  };
  auto card = make_scorecard(std::get<Engagement>(g.body), named);
  ASSERT_EQ(card.rounds.size(), 3u);
  EXPECT_EQ(card.rounds[0].index, 1u);  // 2010-05
  EXPECT_EQ(card.rounds[1].index, 2u);  // 2011
  EXPECT_EQ(card.rounds[2].index, 0u);  // 2012

  const auto& first = card.rounds[0].raised;
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].id, "p0000000001");
  EXPECT_TRUE(first[0].listed);
  EXPECT_FALSE(first[0].linked);
  EXPECT_TRUE(first[0].held);
  EXPECT_FALSE(first[0].first_round);
  EXPECT_EQ(first[1].id, "c0000000001");
  EXPECT_EQ(first[2].id, "p0000000002");
  EXPECT_FALSE(first[2].listed);
  EXPECT_TRUE(first[2].linked);
  EXPECT_FALSE(first[2].held);

  // 2011: p…9 is named but not among the public records: left out. B is raised again by link;
  // A, raised before and detained still, is shown as such; B, released, is not.
  const auto& second = card.rounds[1];
  ASSERT_EQ(second.raised.size(), 1u);
  EXPECT_EQ(second.raised[0].id, "p0000000002");
  EXPECT_EQ(second.raised[0].first_round, std::optional<std::size_t>(0));
  ASSERT_EQ(second.still_held.size(), 1u);
  EXPECT_EQ(second.still_held[0].id, "p0000000001");
  EXPECT_EQ(second.still_held[0].first_round, 0u);

  // 2012: A raised again, so not among those "raised before".
  const auto& third = card.rounds[2];
  ASSERT_EQ(third.raised.size(), 1u);
  EXPECT_EQ(third.raised[0].id, "p0000000001");
  EXPECT_EQ(third.raised[0].first_round, std::optional<std::size_t>(0));
  EXPECT_TRUE(third.still_held.empty());
}

TEST(Scorecard, AHiddenRaisedPersonIsGoneFromThePublicView) {
  auto g = record(kDialogue);
  IsPublic visible = [](std::string_view id) { return id != "p0000000001"; };
  auto shown = public_view(g, visible);
  ASSERT_TRUE(shown);
  const auto& e = std::get<Engagement>(shown->body);
  // Even when the caller passes the hidden record along, the public view does not name it.
  std::vector<Record> named = {record(
      R"({"id":"p0000000001","kind":"person","body":{"name":{"en":"A"},"status":"detained"}})")};
  auto card = make_scorecard(e, named);
  for (const auto& round : card.rounds) {
    EXPECT_TRUE(round.raised.empty());
    EXPECT_TRUE(round.still_held.empty());
  }
}

TEST(Scorecard, HeldMeansDetainedServingDisappearedOrWatched) {
  for (const char* s : {"detained", "serving_sentence", "disappeared", "under_surveillance"})
    EXPECT_TRUE(held_status(s)) << s;
  for (const char* s : {"released", "exiled", "deceased", "unknown", ""})
    EXPECT_FALSE(held_status(s)) << s;
}

// --- the pages --------------------------------------------------------------------------

class EngagementPages : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-engagements-", kExtra); }
  static void TearDownTestSuite() { remove_database(); }
};

TEST_F(EngagementPages, TheListShowsEveryPublicDialogueAndProgramme) {
  auto en = get("/en/engagements/");
  ASSERT_EQ(en.status, 200);
  auto row = between(en.body, "<a href=\"/en/engagements/g0000000ge1\"", "</tr>");
  ASSERT_FALSE(row.empty()) << en.body;
  EXPECT_TRUE(has(row, "Test Human Rights Dialogue"));
  EXPECT_TRUE(has(row, "<td>Dialogue</td>"));
  EXPECT_TRUE(has(row, "Testland, China"));
  EXPECT_TRUE(has(row, "<td>2010\u20132013</td>"));
  EXPECT_TRUE(has(row, "<td>3</td>")) << "rounds";
  EXPECT_TRUE(has(row, "3 of 7 commitments kept, 2 partly, 1 broken, 1 pending</td>")) << row;
  auto programme = between(en.body, "<a href=\"/en/engagements/g0000000ge2\"", "</tr>");
  EXPECT_TRUE(has(programme, "<td>Programme</td>"));
  EXPECT_TRUE(has(programme, "Test Foundation"));
  EXPECT_TRUE(has(programme, "<td>0</td>"));
  EXPECT_TRUE(has(programme, "No commitment is recorded"));
  EXPECT_FALSE(has(programme, "<svg")) << "no bar for nothing";
  EXPECT_TRUE(has(row, "<svg ")) << "the bar";
  EXPECT_TRUE(has(between(en.body, "<a href=\"/en/engagements/g0000000ge3\"", "</tr>"),
                  "1 of 1 commitment kept</td>"));
  EXPECT_FALSE(has(en.body, "HIDDEN-ENGAGEMENT"));
  EXPECT_FALSE(has(en.body, "g0000000ge9"));

  auto hans = get("/zh-hans/engagements/");
  ASSERT_EQ(hans.status, 200);
  EXPECT_TRUE(has(hans.body, "测试人权对话"));
  EXPECT_TRUE(has(hans.body, "7项承诺中3项已履行，2项部分履行，1项未履行，1项待定"));
  auto hant = get("/zh-hant/engagements/");
  ASSERT_EQ(hant.status, 200);
  EXPECT_TRUE(has(hant.body, "測試人權對話"));
}

TEST_F(EngagementPages, TheScorecardShowsRulesScoreAndCommitmentsWithPublicEvidenceOnly) {
  auto r = get("/en/engagements/g0000000ge1");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  EXPECT_TRUE(has(b, "<title>Test Human Rights Dialogue · "));
  auto rules = between(b, "<section id=\"ground-rules\">", "</section>");
  EXPECT_TRUE(has(rules, "<dt>Publicity</dt><dd><span>Summaries published after each round."));
  EXPECT_TRUE(has(rules, "<dt>Evaluation</dt><dd><em>not recorded</em>")) << rules;
  auto score = between(b, "<section id=\"score\">", "</section>");
  EXPECT_TRUE(has(score, "3 of 7 commitments kept, 2 partly, 1 broken, 1 pending</p>")) << score;
  EXPECT_TRUE(has(score, "<svg ")) << "the bar";
  auto table = between(b, "<section id=\"commitments\">", "</section>");
  auto kept = between(table, "<tr class=\"kept\">", "</tr>");
  EXPECT_TRUE(has(kept, "Commitment kept A"));
  EXPECT_TRUE(has(kept, "<td>May 2010</td>"));
  EXPECT_TRUE(has(kept, "<strong class=\"status\">Kept</strong>"));
  EXPECT_TRUE(has(kept, "<td>2012</td>"));
  EXPECT_TRUE(has(kept, "href=\"/en/sources/s0000000ge1\">Test dialogue report</a> <small>p. 4"));
  EXPECT_TRUE(has(kept, "href=\"/en/cases/c0000000ge1\">Test Case One</a>"));
  EXPECT_TRUE(has(table, "<span>A law amended</span>")) << "benchmark";
  EXPECT_TRUE(has(table, "Partly kept"));
  EXPECT_TRUE(has(b, "href=\"/en/organizations/o0000000ge1\">Test Partner Institute</a>"));
  for (const char* hidden : {"HIDDEN-SOURCE", "s0000000ge2", "HIDDEN-EVIDENCE-CASE", "c0000000ge9",
                             "HIDDEN-RAISED-PERSON", "p0000000ge3"})
    EXPECT_FALSE(has(b, hidden)) << hidden;
}

TEST_F(EngagementPages, RoundsComeInOrderWithWhoWasRaisedAndWhereTheyAreNow) {
  const std::string b = get("/en/engagements/g0000000ge1").body;
  auto one = between(b, "<section class=\"round\" id=\"round-1\">", "</section>");
  auto two = between(b, "<section class=\"round\" id=\"round-2\">", "</section>");
  auto three = between(b, "<section class=\"round\" id=\"round-3\">", "</section>");
  ASSERT_FALSE(one.empty());
  ASSERT_FALSE(two.empty());
  ASSERT_FALSE(three.empty());
  EXPECT_LT(b.find("id=\"round-1\""), b.find("id=\"round-2\""));
  EXPECT_LT(b.find("id=\"round-2\""), b.find("id=\"round-3\""));
  EXPECT_TRUE(has(one, "<time>13 May 2010</time> · <span>Beijing</span>"));
  EXPECT_TRUE(has(two, "Washington"));
  EXPECT_TRUE(has(three, "Testville"));
  EXPECT_TRUE(has(one, "<dt>Civil society</dt><dd>Two NGOs briefed the delegation.</dd>"));
  EXPECT_TRUE(has(two, "<dt>Progress since the last round</dt><dd>No answer on the list.</dd>"));

  // Round 1: One and Four by name, Two by a link raised_in to the round's event.
  EXPECT_TRUE(has(one,
                  "href=\"/en/persons/p0000000ge1\">Test Prisoner One</a> <small>Person</small> — "
                  "<span class=\"status\">Detained</span></li>"))
      << one;
  EXPECT_TRUE(has(one, "Test Prisoner Four"));
  EXPECT_TRUE(has(one,
                  "href=\"/en/persons/p0000000ge2\">Test Prisoner Two</a> <small>Person</small> — "
                  "<span class=\"status\">Released</span>"));
  EXPECT_LT(one.find("Test Prisoner One"), one.find("Test Prisoner Four"));
  EXPECT_LT(one.find("Test Prisoner Four"), one.find("Test Prisoner Two")) << "named, then linked";
  EXPECT_TRUE(has(one, "href=\"/en/opportunities/e0000000ge1\">The prisoner list for this round"));

  // Round 2: the case linked to its event; the hidden person named there and linked to it is
  // not shown, nor a public person whose link to it is hidden. One and Four, raised before,
  // are still held.
  EXPECT_TRUE(has(two,
                  "href=\"/en/cases/c0000000ge1\">Test Case One</a> <small>Case</small> — "
                  "<span class=\"status\">On trial</span>"));
  EXPECT_FALSE(has(two, "HIDDEN-RAISED-PERSON"));
  EXPECT_FALSE(has(two, "Test Quiet Five"));
  auto still = between(two, "<ul class=\"still-held\">", "</ul>");
  EXPECT_TRUE(has(still,
                  "Test Prisoner One</a> <small>Person</small> — <span "
                  "class=\"history\">raised in 13 May 2010, still detained</span>"))
      << two;
  EXPECT_TRUE(has(still, "raised in 13 May 2010, still serving a sentence"));
  EXPECT_FALSE(has(still, "Test Prisoner Two")) << "released";

  // Round 3: Four raised again, with when they were first raised.
  EXPECT_TRUE(has(three,
                  "Test Prisoner Four</a> <small>Person</small> — <span "
                  "class=\"status\">Serving a sentence</span> <small "
                  "class=\"history\">(raised in 13 May 2010, still serving a "
                  "sentence)</small>"))
      << three;
  EXPECT_TRUE(has(between(three, "<ul class=\"still-held\">", "</ul>"), "Test Prisoner One"));
  EXPECT_FALSE(has(three, "/en/opportunities/")) << "a round without an event";

  EXPECT_FALSE(has(b, "Test Quiet Five"));
  EXPECT_FALSE(has(b, "p0000000ge5"));

  auto hans = get("/zh-hans/engagements/g0000000ge1").body;
  EXPECT_TRUE(has(hans, "2010年5月13日提出，仍被羁押")) << hans.substr(hans.find("round-2"), 3000);
  EXPECT_TRUE(has(hans, "此前已提出、仍被关押"));
  auto hant = get("/zh-hant/engagements/g0000000ge1").body;
  EXPECT_TRUE(has(hant, "仍被羈押"));
}

TEST_F(EngagementPages, HiddenOrUnknownRecordsAreNotFound) {
  for (const char* target : {"/en/engagements/g0000000ge9", "/en/engagements/gzzzzzzzzzz",
                             "/en/engagements/p0000000ge1", "/en/indicators/n0000000ge9",
                             "/en/indicators/g0000000ge1", "/zh-hans/indicators/nzzzzzzzzzz"}) {
    auto r = get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_FALSE(has(r.body, "HIDDEN")) << target;
  }
}

TEST_F(EngagementPages, IndicatorsAreGroupedByDimensionEachWithItsChartAndTable) {
  auto r = get("/en/indicators/");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  auto labour = b.find("<section class=\"dimension\" id=\"labour\">");
  auto death = b.find("<section class=\"dimension\" id=\"death_penalty\">");
  ASSERT_NE(labour, std::string::npos);
  ASSERT_NE(death, std::string::npos);
  EXPECT_LT(labour, death) << "in the vocabulary's order";
  EXPECT_TRUE(has(b, "<h2>Death penalty</h2>"));
  auto chart = between(b, "href=\"/en/indicators/n0000000ge1\"", "</article>");
  EXPECT_TRUE(has(chart, "width=\"320\" height=\"124\""));
  EXPECT_TRUE(has(chart,
                  "aria-label=\"Trend of Test death penalty indicator: 2000\u20132005: "
                  "Worsened; 2006\u20132008: No change; 2009: Improved; 2010\u20132011: "
                  "Ambiguous\""))
      << chart;
  EXPECT_TRUE(has(chart, "<tr class=\"worsened\"><td>2000\u20132005</td><td>Worsened</td></tr>"));
  EXPECT_TRUE(has(between(b, "href=\"/en/indicators/n0000000ge2\"", "</article>"),
                  "<p>Not assessed yet.</p>"));
  EXPECT_FALSE(has(b, "HIDDEN-INDICATOR"));
  for (const auto& svg : svgs_in(b)) EXPECT_EQ(xml_errors(svg), "") << svg;

  auto hans = get("/zh-hans/indicators/");
  ASSERT_EQ(hans.status, 200);
  EXPECT_TRUE(has(hans.body, "测试死刑指标的趋势：2000\u20132005：恶化；2006\u20132008：停滞"));
}

TEST_F(EngagementPages, AnIndicatorShowsItsChartLargeAndEveryAssessmentWithPublicEvidence) {
  auto r = get("/en/indicators/n0000000ge1");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  auto svgs = svgs_in(b);
  ASSERT_EQ(svgs.size(), 1u);
  EXPECT_TRUE(has(svgs[0], "width=\"640\" height=\"248\""));
  EXPECT_EQ(xml_errors(svgs[0]), "");
  EXPECT_TRUE(has(b, "<p class=\"kind\">Death penalty · <a href=\"/en/indicators/\">"));
  auto items = between(b, "<ol class=\"assessments\">", "</ol>");
  auto at = [&](const char* s) { return items.find(s); };
  EXPECT_LT(at("2000 \u2013 2005"), at("2006 \u2013 2008"));
  EXPECT_LT(at("2006 \u2013 2008"), at("<h3>2009 · "));
  EXPECT_LT(at("<h3>2009 · "), at("2010 \u2013 2011"));
  auto worst = between(items, "<li class=\"worsened\">", "<li class=\"stasis\">");
  EXPECT_TRUE(has(worst, "<span class=\"value\">Worsened</span>"));
  EXPECT_TRUE(has(worst, "More executions."));
  EXPECT_TRUE(has(worst, "href=\"/en/sources/s0000000ge1\">Test dialogue report</a> <small>ch. 2"));
  EXPECT_TRUE(has(worst, "href=\"/en/cases/c0000000ge1\">Test Case One</a>"));
  for (const char* hidden : {"HIDDEN-SOURCE", "s0000000ge2", "HIDDEN-EVIDENCE-CASE", "c0000000ge9"})
    EXPECT_FALSE(has(b, hidden)) << hidden;
}

TEST_F(EngagementPages, TheScorecardsSvgIsWellFormed) {
  for (const char* target :
       {"/en/engagements/", "/en/engagements/g0000000ge1", "/zh-hans/engagements/g0000000ge1"}) {
    auto svgs = svgs_in(get(target).body);
    EXPECT_FALSE(svgs.empty()) << target;
    for (const auto& svg : svgs) EXPECT_EQ(xml_errors(svg), "") << target << "\n" << svg;
  }
}

TEST_F(EngagementPages, TheScorecardMatchesItsGoldenFile) {
  auto r = get("/en/engagements/g0000000ge1");
  ASSERT_EQ(r.status, 200);
  std::string main = between(r.body, "<main id=\"main\">", "</main>");
  ASSERT_FALSE(main.empty());
  page_checks::expect_matches_golden(main, "engagement_scorecard.html");
}

}  // namespace
}  // namespace jz::web
