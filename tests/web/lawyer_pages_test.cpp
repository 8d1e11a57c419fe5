// Lawyers on the site (web/lawyer_pages.cpp): the public /lawyers page with the demo's
// lawyers and their licence history, a lawyer who asked for confidentiality nowhere public,
// and the team's partners page for a case: who may see it, the ranking and its reasons,
// the case's assignments.
#include <gtest/gtest.h>

#include "core/password.hpp"
#include "demo_site.hpp"
#include "web/list_query.hpp"
#include "web/team_desk.hpp"

namespace jz::web {
namespace {

const char* const kPassword = "correct horse battery";

// Test records only (no real person): a lawyer in China with a bar, a harassment event and
// two cases as counsel; a lawyer who asked for confidentiality, named by a public event and
// case; partners abroad (restricted, as they usually are; one confidential, one public,
// one unavailable); and a case to match them to.
const char* const kExtra =
    R"({"id":"p0000000wa1","kind":"person","body":{"name":{"zh":"康律师","en":"Kang Testlawyer"},"groups":["lawyer"],"lawyer":{"licence":"11101200000000001","bar":{"zh":"北京市律师协会","en":"Beijing Lawyers Association"}}}}
{"id":"p0000000wq1","kind":"person","visibility":"public","body":{"name":{"en":"ASKED-SECRET-LAWYER"},"groups":["lawyer"],"summary":{"en":"ASKED-SECRET-SUMMARY"},"lawyer":{"licence":"ASKED-SECRET-LICENCE","asked_confidentiality":true}}}
{"id":"c0000000wa1","kind":"case","body":{"title":{"en":"Case defended by Kang"},"lawyers":["p0000000wa1","p0000000wq1"],"status":"sentenced"}}
{"id":"c0000000wa2","kind":"case","links":[{"type":"represented_by","target":"p0000000wa1","from":"2015-07","to":"2016"}],"body":{"title":{"en":"Second case of Kang"},"persons":["p0000000wa1"]}}
{"id":"c0000000wa3","kind":"case","body":{"title":{"en":"Case about Kang, not defended"},"persons":["p0000000wa1"]}}
{"id":"e0000000wa1","kind":"event","body":{"type":"harassment","date":"2016-01-12","case":"c0000000wa3","persons":["p0000000wa1"],"title":{"en":"Beaten outside the court"}}}
{"id":"e0000000wa2","kind":"event","body":{"type":"licence_suspended","date":"2017","persons":["p0000000wa1"],"title":{"en":"Licence suspended for six months"}}}
{"id":"e0000000wq1","kind":"event","body":{"type":"licence_revoked","date":"2018","case":"c0000000wa1","persons":["p0000000wq1"],"title":{"en":"A licence revoked"}}}
{"id":"p0000000pf1","kind":"person","visibility":"restricted","body":{"name":{"en":"Partner Alpha"},"groups":["lawyer"],"lawyer":{"foreign":true,"languages":["en","ug","zh"],"expertise":["criminal_defence","ethnic_minorities"],"availability":"available"}}}
{"id":"p0000000pf2","kind":"person","visibility":"restricted","confidential":["/body/lawyer"],"body":{"name":{"en":"Partner Beta"},"groups":["lawyer"],"lawyer":{"foreign":true,"languages":["en"],"expertise":["un_mechanisms"],"availability":"limited"}}}
{"id":"p0000000pf3","kind":"person","visibility":"restricted","body":{"name":{"en":"Partner Gamma"},"lawyer":{"foreign":true,"languages":["zh"],"expertise":["criminal_defence"],"availability":"unavailable"}}}
{"id":"p0000000pf4","kind":"person","visibility":"confidential","body":{"name":{"en":"Partner Delta"},"lawyer":{"foreign":true,"languages":["zh"]}}}
{"id":"p0000000pf5","kind":"person","body":{"name":{"en":"Partner Epsilon Abroad"},"groups":["lawyer"],"lawyer":{"foreign":true,"languages":["fr"]}}}
{"id":"p0000000wx1","kind":"person","visibility":"restricted","body":{"name":{"en":"Client from Kashgar"},"province":"xinjiang"}}
{"id":"c0000000wx1","kind":"case","visibility":"restricted","links":[{"type":"represented_by","target":"p0000000pf2","from":"2020-01","to":"2021-03"},{"type":"represented_by","target":"p0000000pf1","from":"2022-05","note":{"en":"pro bono"}}],"body":{"title":{"en":"Case needing a partner"},"persons":["p0000000wx1"],"charges":[{"name":{"en":"separatism"}}]}}
{"id":"e0000000wx1","kind":"event","visibility":"restricted","body":{"type":"torture_reported","date":"2021","case":"c0000000wx1","persons":["p0000000wx1"]}}
)";

std::string header(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

std::string cookie_value(const http::Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == "Set-Cookie" && v.starts_with(name + "="))
      return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
  return "";
}

bool has(const std::string& body, std::string_view what) {
  return body.find(what) != std::string::npos;
}

class LawyerPages : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-lawyers-", kExtra); }
  static void TearDownTestSuite() { remove_database(); }
  void SetUp() override {
    DemoSiteTest::SetUp();
    auto writer = store::open_sqlite(*db_);
    ASSERT_TRUE(writer) << writer.status().message();
    for (auto [name, role] : {std::pair{"wang.li", Role::kContributor},
                              {"ana.li", Role::kResearcher},
                              {"eve.wu", Role::kEditor}}) {
      if (*(*writer)->accounts().find_user(name)) continue;
      auto hash = hash_password(kPassword);
      ASSERT_TRUE(hash);
      ASSERT_TRUE((*writer)->accounts().add_user(
          {.name = name, .role = role, .password_hash = *hash}, "test"));
    }
    desk_ =
        std::make_unique<TeamDesk>(std::move(*writer), store::FileStore(*dir_ / "files", 1 << 20));
    context_->desk = desk_.get();
  }
  void TearDown() override {
    context_->desk = nullptr;
    desk_.reset();
  }

  http::Response send(const std::string& method, const std::string& target,
                      const std::string& cookie = "", const std::string& form = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!cookie.empty()) headers.emplace_back("cookie", cookie);
    if (!form.empty()) headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    return DemoSiteTest::send(method, target, std::move(headers), form);
  }
  // Logs in through the form: the Cookie header of the session, or "".
  std::string log_in(const std::string& name) {
    auto form = send("GET", "/en/login");
    std::string token = cookie_value(form, "jz_login");
    auto r = send("POST", "/en/login", "jz_login=" + token,
                  "csrf=" + token + "&name=" + name + "&password=" + percent_encode(kPassword));
    std::string session = cookie_value(r, "jz_session");
    return session.empty() ? "" : "jz_session=" + session;
  }
  std::string csrf_of(const std::string& cookie) {
    auto page = send("GET", "/en/workspace/", cookie);
    auto at = page.body.find("name=\"csrf\" value=\"");
    return at == std::string::npos ? "" : page.body.substr(at + 19, 64);
  }

  std::unique_ptr<TeamDesk> desk_;
};

TEST_F(LawyerPages, TheDemoLawyersShowWithTheirLicenceHistoryNewestFirst) {
  auto en = get("/en/lawyers");
  ASSERT_EQ(en.status, 200);
  const std::string& b = en.body;
  // The six whose licences were still not renewed in May 2010, and the two revoked.
  for (const char* id : {"pkbbmzj2b8w", "pgvee53p7nc", "psb6meyd0s0", "p4yfwmnctmp", "p7hp6w7657f",
                         "pj8tpnjwyj1", "pke9271rzfv", "p8a2667p7bh"})
    EXPECT_TRUE(has(b, std::string("<section class=\"lawyer\" id=\"") + id + "\">")) << id;
  EXPECT_TRUE(has(b, "Jiang Tianyong"));
  EXPECT_TRUE(has(b,
                  "<span class=\"type\">Licence not renewed</span> — <span>Lawyer&apos;s "
                  "licence not renewed by the judicial authorities</span>"))
      << b.substr(0, 3000);
  // Tang Jitian: revoked (by May 2010) above not renewed (May 2009).
  auto tang = b.find("<section class=\"lawyer\" id=\"pke9271rzfv\">");
  ASSERT_NE(tang, std::string::npos);
  auto revoked = b.find("Licence revoked", tang);
  auto not_renewed = b.find("Licence not renewed", tang);
  ASSERT_NE(revoked, std::string::npos);
  EXPECT_LT(revoked, not_renewed);
  EXPECT_LT(not_renewed, b.find("</section>", tang));
  // Each event links to its case.
  EXPECT_TRUE(has(b, "href=\"/en/cases/cxsjdzts6pn\""));
  EXPECT_TRUE(has(b, "href=\"/en/cases/c3j8jpvpfs9\""));
  // Gao Zhisheng: torture and his disappearance are reprisals.
  auto gao = b.find("<section class=\"lawyer\" id=\"px3eh92s8bc\">");
  ASSERT_NE(gao, std::string::npos);
  EXPECT_NE(b.find("Harassment and reprisals", gao), std::string::npos);
  EXPECT_NE(b.find("“Disappeared”", gao), std::string::npos);

  auto hans = get("/zh-hans/lawyers");
  ASSERT_EQ(hans.status, 200);
  EXPECT_TRUE(has(hans.body, "江天勇"));
  EXPECT_TRUE(has(hans.body, "执业证未获年检注册"));
  auto hant = get("/zh-hant/lawyers");
  ASSERT_EQ(hant.status, 200);
  EXPECT_TRUE(has(hant.body, "執業證"));
  // A lawyer's profile leads to the page.
  EXPECT_TRUE(has(get("/en/persons/pkbbmzj2b8w").body, "href=\"/en/lawyers#pkbbmzj2b8w\""));
}

TEST_F(LawyerPages, ALawyerShowsBarHarassmentAndCasesAsCounselOnly) {
  const std::string b = get("/en/lawyers").body;
  auto kang = b.find("<section class=\"lawyer\" id=\"p0000000wa1\">");
  ASSERT_NE(kang, std::string::npos);
  auto end = b.find("</section>", kang);
  const std::string row = b.substr(kang, end == std::string::npos ? std::string::npos : end - kang);
  EXPECT_TRUE(has(row, "Beijing Lawyers Association"));
  EXPECT_TRUE(has(row, "Licence suspended for six months"));
  EXPECT_TRUE(has(row, "Beaten outside the court"));
  EXPECT_LT(row.find("Licence suspended"), row.find("Harassment and reprisals"));
  EXPECT_TRUE(has(row, "Case defended by Kang"));
  EXPECT_TRUE(has(row, "Second case of Kang"));
  const std::string counsel = row.substr(row.find("<h3>Cases as counsel</h3>"));
  EXPECT_TRUE(has(counsel, "Second case of Kang</a> <small>July 2015 – 2016</small>")) << counsel;
  EXPECT_FALSE(has(counsel, "Case about Kang")) << "not counsel there";
  EXPECT_TRUE(has(row, "Case about Kang, not defended")) << "but the harassment's case is named";
  // Partners abroad are not lawyers in China; restricted partners are not public at all.
  EXPECT_FALSE(has(b, "Partner Epsilon"));
  EXPECT_FALSE(has(b, "Partner Alpha"));
}

TEST_F(LawyerPages, ALawyerWhoAskedForConfidentialityIsNowherePublic) {
  auto reader = store::open_sqlite(*db_, {.read_only = true});
  ASSERT_TRUE(reader);
  auto stored = (*reader)->get("p0000000wq1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->visibility, "restricted") << "imported as public, kept as restricted";
  auto hidden = (*reader)->non_public_ids();
  ASSERT_TRUE(hidden);
  EXPECT_NE(std::find(hidden->begin(), hidden->end(), "p0000000wq1"), hidden->end());

  for (const char* target :
       {"/en/lawyers", "/zh-hans/lawyers", "/en/cases/c0000000wa1", "/en/persons/?group=lawyer",
        "/en/search?q=ASKED", "/api/v1/search?q=ASKED", "/api/v1/persons?per_page=100",
        "/api/v1/cases?per_page=100"}) {
    auto r = get(target);
    SCOPED_TRACE(target);
    EXPECT_LT(r.status, 500);
    EXPECT_FALSE(has(r.body, "ASKED-SECRET"));
    EXPECT_FALSE(has(r.body, "p0000000wq1"));
  }
  EXPECT_EQ(get("/en/persons/p0000000wq1").status, 404);
  EXPECT_EQ(get("/api/v1/persons/p0000000wq1").status, 404);
  // The public event that names the lawyer still shows on its case, without the name.
  EXPECT_TRUE(has(get("/en/cases/c0000000wa1").body, "A licence revoked"));
}

TEST_F(LawyerPages, ThePartnersPageNeedsAResearcher) {
  const std::string target = "/en/workspace/cases/c0000000wx1/partners";
  auto anonymous = send("GET", target);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(header(anonymous, "Location"), "/en/login?next=" + percent_encode(target));
  std::string contributor = log_in("wang.li");
  ASSERT_FALSE(contributor.empty());
  EXPECT_EQ(send("GET", target, contributor).status, 403);
  std::string researcher = log_in("ana.li");
  ASSERT_FALSE(researcher.empty());
  auto page = send("GET", target, researcher);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(header(page, "Cache-Control"), "no-store");
  EXPECT_EQ(send("GET", "/en/workspace/cases/p0000000pf1/partners", researcher).status, 404);
  EXPECT_EQ(send("GET", "/en/workspace/cases/czzzzzzzzz9/partners", researcher).status, 404);
  // The team's page of a case links to it.
  EXPECT_TRUE(has(send("GET", "/en/workspace/records/c0000000wx1", researcher).body,
                  "href=\"" + target + "\""));
}

TEST_F(LawyerPages, PartnersAreRankedWithTheirReasonsAndTheAssignmentsListed) {
  std::string researcher = log_in("ana.li");
  ASSERT_FALSE(researcher.empty());
  auto page = send("GET", "/en/workspace/cases/c0000000wx1/partners", researcher);
  ASSERT_EQ(page.status, 200);
  const std::string& b = page.body;
  // What the case asks for, read from its charges, person and event.
  EXPECT_TRUE(has(b,
                  "the case has charges; torture is reported; a person of the case belongs "
                  "to an ethnic minority; a person of the case is from Xinjiang or is Uyghur"))
      << b;
  // Alpha: criminal defence 3 + minorities 3 + zh 3 + ug 3 + available 2 = 14; Beta: UN 1 +
  // limited 1 = 2. Gamma is unavailable; Delta is confidential (researchers cannot read it).
  auto alpha = b.find("<tr id=\"p0000000pf1\">");
  auto beta = b.find("<tr id=\"p0000000pf2\">");
  ASSERT_NE(alpha, std::string::npos);
  ASSERT_NE(beta, std::string::npos);
  EXPECT_LT(alpha, beta);
  EXPECT_NE(b.find("<b class=\"score\">14</b>", alpha), std::string::npos);
  EXPECT_NE(b.find("<b class=\"score\">2</b>", beta), std::string::npos);
  EXPECT_TRUE(has(b, "<li>+3 Criminal defence — the case has charges</li>"));
  EXPECT_TRUE(
      has(b, "<li>+3 Language ug — a person of the case is from Xinjiang or is Uyghur</li>"));
  EXPECT_TRUE(has(b, "<li>+1 UN human-rights mechanisms — helps in every case</li>"));
  EXPECT_TRUE(has(b, "<li>+2 Available</li>"));
  EXPECT_FALSE(has(b, "Partner Gamma"));
  EXPECT_FALSE(has(b, "Partner Delta"));
  EXPECT_FALSE(has(b, "Kang Testlawyer")) << "a lawyer in China is not a partner abroad";
  // Assignments: Alpha now (assigned, with the note), Beta before.
  auto now = b.find("<h3>Now</h3>");
  auto before = b.find("<h3>Before</h3>");
  ASSERT_NE(now, std::string::npos);
  ASSERT_NE(before, std::string::npos);
  EXPECT_LT(b.find("Partner Alpha", now), before);
  EXPECT_GT(b.find("Partner Beta", before), before);
  EXPECT_TRUE(has(b, "pro bono"));
  EXPECT_TRUE(has(b, "<strong>assigned now</strong>"));
  EXPECT_TRUE(has(b, "Represented by")) << "how to assign: by editing the case's links";

  // An editor reads confidential records: Delta is listed too.
  std::string editor = log_in("eve.wu");
  ASSERT_FALSE(editor.empty());
  EXPECT_TRUE(
      has(send("GET", "/en/workspace/cases/c0000000wx1/partners", editor).body, "Partner Delta"));
}

TEST_F(LawyerPages, TheFormEditsTheLawyerAndKeepsItHidden) {
  std::string researcher = log_in("ana.li");
  ASSERT_FALSE(researcher.empty());
  auto started = send("POST", "/en/workspace/records/p0000000pf2/edit", researcher,
                      "csrf=" + csrf_of(researcher));
  ASSERT_EQ(started.status, 303);
  auto form = send("GET", header(started, "Location"), researcher);
  ASSERT_EQ(form.status, 200);
  const std::string& b = form.body;
  EXPECT_TRUE(has(b, "<legend>Lawyer</legend>"));
  EXPECT_TRUE(has(b, "name=\"/body/lawyer/foreign\" value=\"true\" checked"));
  EXPECT_TRUE(has(b, ">en\n</textarea>")) << "languages, one per line";
  EXPECT_TRUE(has(b, "name=\"/body/lawyer/expertise\" value=\"un_mechanisms\" checked"));
  EXPECT_TRUE(has(b, "<option value=\"limited\" selected>"));
  // The whole object is hidden: its box is on the form, ticked, so saving keeps it hidden.
  EXPECT_TRUE(has(b, "name=\"confidential\" value=\"/body/lawyer\" checked"));
}

}  // namespace
}  // namespace jz::web
