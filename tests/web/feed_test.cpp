// The Atom feeds (RFC 4287): a case's feed and the feed of every violation, read back with a
// small strict XML reader; what they hold, in which order and language; that nothing hidden
// reaches them; that pages link them; that they are cached like pages. And xml_safe().
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "demo_site.hpp"
#include "web/feeds.hpp"

namespace jz::web {
namespace {

// --- a small XML reader: elements, attributes, text; refuses what is not well-formed ------

struct Node {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<Node> children;
  std::string text;  // the character data directly inside, entities decoded

  const Node* child(std::string_view n) const {
    for (const auto& c : children)
      if (c.name == n) return &c;
    return nullptr;
  }
  std::vector<const Node*> all(std::string_view n) const {
    std::vector<const Node*> out;
    for (const auto& c : children)
      if (c.name == n) out.push_back(&c);
    return out;
  }
  std::string text_of(std::string_view n) const {
    const Node* c = child(n);
    return c ? c->text : "";
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view xml) : s_(xml) {}

  // The document's root element, or nothing (and error()) when it is not well-formed XML.
  std::optional<Node> document() {
    if (!s_.starts_with("<?xml ")) return fail("no XML declaration first");
    auto end = s_.find("?>");
    if (end == std::string_view::npos) return fail("unclosed declaration");
    at_ = end + 2;
    skip_space();
    Node root;
    if (!element(root)) return std::nullopt;
    skip_space();
    if (at_ != s_.size()) return fail("content after the root element");
    return root;
  }
  const std::string& error() const { return error_; }

 private:
  std::nullopt_t fail(std::string why) {
    if (error_.empty()) error_ = why + " at byte " + std::to_string(at_);
    return std::nullopt;
  }
  void skip_space() {
    while (at_ < s_.size() && std::string_view(" \t\r\n").find(s_[at_]) != std::string_view::npos)
      ++at_;
  }
  std::string name() {
    std::size_t from = at_;
    while (at_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[at_])) ||
                               s_[at_] == ':' || s_[at_] == '_' || s_[at_] == '-'))
      ++at_;
    return std::string(s_.substr(from, at_ - from));
  }
  // Character data up to `stop`, with the five entities and character references decoded.
  bool chars(char stop, std::string& out) {
    while (at_ < s_.size() && s_[at_] != stop) {
      auto c = static_cast<unsigned char>(s_[at_]);
      if (c == '<' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
        return fail("character " + std::to_string(c) + " not allowed here"), false;
      if (c == '&') {
        auto semi = s_.find(';', at_);
        if (semi == std::string_view::npos) return fail("unterminated entity"), false;
        std::string_view ent = s_.substr(at_ + 1, semi - at_ - 1);
        static const std::map<std::string_view, std::string> kNamed = {
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
        if (auto it = kNamed.find(ent); it != kNamed.end())
          out += it->second;
        else if (ent.starts_with("#"))
          out += "?";  // a character reference; the feeds need none
        else
          return fail("unknown entity &" + std::string(ent) + ";"), false;
        at_ = semi + 1;
        continue;
      }
      out += s_[at_++];
    }
    return true;
  }
  bool element(Node& node) {
    if (at_ >= s_.size() || s_[at_] != '<') return fail("expected an element"), false;
    ++at_;
    node.name = name();
    if (node.name.empty()) return fail("element without a name"), false;
    for (;;) {
      skip_space();
      if (s_.substr(at_).starts_with("/>")) {
        at_ += 2;
        return true;
      }
      if (at_ < s_.size() && s_[at_] == '>') {
        ++at_;
        break;
      }
      std::string attr = name();
      if (attr.empty() || !s_.substr(at_).starts_with("=\""))
        return fail("bad attribute in <" + node.name + ">"), false;
      at_ += 2;
      std::string value;
      if (!chars('"', value) || at_ >= s_.size()) return fail("unterminated attribute"), false;
      ++at_;
      if (!node.attrs.emplace(attr, value).second)
        return fail("attribute " + attr + " twice"), false;
    }
    for (;;) {
      if (!chars('<', node.text)) return false;
      if (at_ >= s_.size()) return fail("<" + node.name + "> not closed"), false;
      if (s_.substr(at_).starts_with("</")) {
        at_ += 2;
        if (name() != node.name) return fail("</...> does not close <" + node.name + ">"), false;
        if (at_ >= s_.size() || s_[at_] != '>') return fail("bad end tag"), false;
        ++at_;
        return true;
      }
      Node child;
      if (!element(child)) return false;
      node.children.push_back(std::move(child));
    }
  }

  std::string_view s_;
  std::size_t at_ = 0;
  std::string error_;
};

// --- the data -------------------------------------------------------------------------

// A case with a late notice to the family (a violated clock), public events, a restricted
// event dated last (it would come first if it leaked), confidential fields with canaries,
// a title that needs escaping, and a restricted case.
constexpr const char* kExtra = R"(
{"id":"c00000000a1","kind":"case","confidential":["/body/summary"],"updated":"2024-01-10T00:00:00Z","body":{"title":{"zh":"订阅测试案","en":"Feed test case"},"status":"pre_trial","summary":{"en":"CANARY-CASE-SUMMARY"}}}
{"id":"e00000000a1","kind":"event","updated":"2024-01-01T00:00:00Z","body":{"type":"criminal_detention","date":"2020-03-01","case":"c00000000a1","title":{"zh":"刑事拘留","en":"Detained"}}}
{"id":"e00000000a2","kind":"event","updated":"2024-02-01T00:00:00Z","body":{"type":"family_notified","date":"2020-03-05","case":"c00000000a1"}}
{"id":"e00000000a3","kind":"event","visibility":"restricted","updated":"2025-06-01T00:00:00Z","body":{"type":"health_incident","date":"2020-04-01","case":"c00000000a1","title":{"en":"CANARY-RESTRICTED-EVENT"}}}
{"id":"e00000000a4","kind":"event","confidential":["/body/title","/body/notes"],"updated":"2024-03-01T00:00:00Z","body":{"type":"harassment","date":"2020-05","case":"c00000000a1","title":{"en":"CANARY-CONFIDENTIAL-TITLE"},"notes":{"en":"CANARY-CONFIDENTIAL-NOTES"}}}
{"id":"e00000000a5","kind":"event","updated":"2024-03-01T00:00:00Z","body":{"type":"harassment","date":"2020-06-02","case":"c00000000a1","title":{"en":"Visit <by> \"A\" & 'B'\u000b"}}}
{"id":"c00000000a9","kind":"case","visibility":"restricted","body":{"title":{"en":"CANARY-RESTRICTED-CASE"}}}
{"id":"e00000000a9","kind":"event","body":{"type":"criminal_detention","date":"2021-03-01","case":"c00000000a9","title":{"en":"CANARY-EVENT-OF-HIDDEN-CASE"}}}
)";

constexpr const char* kAtom = "application/atom+xml; charset=utf-8";

class FeedTest : public DemoSiteTest {
 protected:
  static void SetUpTestSuite() { make_database("jz-feed-", kExtra); }
  static void TearDownTestSuite() { remove_database(); }

  // GETs a feed, checks it is well-formed Atom, and returns its root element.
  Node feed(const std::string& target) {
    auto r = get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.content_type, kAtom) << target;
    XmlReader reader(r.body);
    auto root = reader.document();
    EXPECT_TRUE(root) << target << ": " << reader.error();
    if (!root) return {};
    EXPECT_EQ(root->name, "feed");
    EXPECT_EQ(root->attrs["xmlns"], "http://www.w3.org/2005/Atom");
    for (const char* required : {"id", "title", "updated", "author"})
      EXPECT_NE(root->child(required), nullptr) << required;
    for (const char* canary : {"CANARY", "e00000000a3", "c00000000a9", "e00000000a9"})
      EXPECT_EQ(r.body.find(canary), std::string::npos) << target << " shows " << canary;
    return *root;
  }
};

// Every entry has an id, title, updated and link; ids are unique and entries newest first;
// the feed was updated when its newest entry was. Returns the entries' ids in order.
std::vector<std::string> check_entries(const Node& feed, const std::string& id_prefix) {
  std::vector<std::string> ids;
  std::set<std::string> unique;
  std::string previous = "9999";
  for (const Node* e : feed.all("entry")) {
    std::string id = e->text_of("id"), updated = e->text_of("updated");
    SCOPED_TRACE(id);
    EXPECT_TRUE(id.starts_with(id_prefix));
    EXPECT_TRUE(unique.insert(id).second) << "id twice";
    EXPECT_FALSE(e->text_of("title").empty());
    EXPECT_EQ(updated.size(), 20u) << updated;  // 2024-01-01T00:00:00Z
    EXPECT_LE(updated, previous) << "not newest first";
    previous = updated;
    const Node* link = e->child("link");
    EXPECT_TRUE(link && link->attrs.at("rel") == "alternate" && link->attrs.at("href")[0] == '/');
    ids.push_back(id);
  }
  if (!ids.empty()) {
    EXPECT_EQ(feed.text_of("updated"), feed.all("entry")[0]->text_of("updated"));
  }
  return ids;
}

const Node* entry_with_id(const Node& feed, const std::string& id) {
  for (const Node* e : feed.all("entry"))
    if (e->text_of("id") == id) return e;
  return nullptr;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(FeedTest, ACaseFeedHasTheCaseItsPublicEventsAndItsViolationsNewestFirst) {
  Node f = feed("/en/cases/c00000000a1/feed.atom");
  EXPECT_EQ(f.attrs["xml:lang"], "en");
  EXPECT_EQ(f.text_of("title"), "Feed test case · Jianzheng 见证");
  EXPECT_EQ(f.text_of("id"), "tag:jianzheng,2026:en:c00000000a1/feed");
  auto links = f.all("link");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0]->attrs.at("rel"), "self");
  EXPECT_EQ(links[0]->attrs.at("href"), "/en/cases/c00000000a1/feed.atom");
  EXPECT_EQ(links[1]->attrs.at("href"), "/en/cases/c00000000a1");

  auto ids = check_entries(f, "tag:jianzheng,2026:en:");
  const std::string p = "tag:jianzheng,2026:en:";
  // The case and its four public events, each once; the hidden one nowhere.
  for (const char* id : {"c00000000a1", "e00000000a1", "e00000000a2", "e00000000a4", "e00000000a5"})
    EXPECT_NE(entry_with_id(f, p + id), nullptr) << id;
  const Node* detained = entry_with_id(f, p + "e00000000a1");
  ASSERT_NE(detained, nullptr);
  EXPECT_EQ(detained->text_of("title"), "Detained");
  EXPECT_EQ(detained->text_of("updated"), "2024-01-01T00:00:00Z");
  EXPECT_EQ(detained->child("link")->attrs.at("href"), "/en/cases/c00000000a1#e00000000a1");
  EXPECT_EQ(detained->text_of("summary"), "1 March 2020, Criminal detention");
  // An event whose title is confidential is named by its type.
  EXPECT_EQ(entry_with_id(f, p + "e00000000a4")->text_of("title"), "Harassment");
  const Node* the_case = entry_with_id(f, p + "c00000000a1");
  EXPECT_EQ(the_case->text_of("title"), "Feed test case");
  EXPECT_EQ(the_case->child("link")->attrs.at("href"), "/en/cases/c00000000a1");

  // The late notice to the family: one entry per violated clock, named by case, rule and
  // start event, updated when the later of the case and its two events was.
  std::vector<const Node*> clocks;
  for (const Node* e : f.all("entry"))
    if (e->text_of("id").starts_with(p + "c00000000a1/")) clocks.push_back(e);
  ASSERT_FALSE(clocks.empty());
  const Node* notice = nullptr;
  for (const Node* e : clocks)
    if (e->text_of("title").find("notice to the family") != std::string::npos) notice = e;
  ASSERT_NE(notice, nullptr);
  EXPECT_TRUE(notice->text_of("id").ends_with("/e00000000a1")) << notice->text_of("id");
  EXPECT_EQ(notice->text_of("updated"), "2024-02-01T00:00:00Z");
  EXPECT_EQ(notice->child("link")->attrs.at("href"), "/en/cases/c00000000a1#legal-clock");
  EXPECT_NE(notice->text_of("summary").find("Violated"), std::string::npos);
  EXPECT_NE(notice->text_of("summary").find("1 March 2020, Criminal detention → 5 March 2020"),
            std::string::npos)
      << notice->text_of("summary");
  // As many as the case page shows violated or without legal basis.
  auto page = get("/en/cases/c00000000a1");
  EXPECT_EQ(clocks.size(), count(page.body, "<li class=\"clock violated\">") +
                               count(page.body, "<li class=\"clock no_legal_basis\">"));
  EXPECT_EQ(ids.size(), 5 + clocks.size());
  // Newest first: the events updated in March 2024 lead.
  EXPECT_EQ(ids[0], p + "e00000000a4");
  EXPECT_EQ(ids[1], p + "e00000000a5");
}

TEST_F(FeedTest, TextIsEscapedAndWhatXmlCannotCarryIsLeftOut) {
  auto r = get("/en/cases/c00000000a1/feed.atom");
  EXPECT_NE(r.body.find("<title>Visit &lt;by&gt; &quot;A&quot; &amp; &apos;B&apos;</title>"),
            std::string::npos);
  EXPECT_EQ(r.body.find('\x0b'), std::string::npos);
  XmlReader reader(r.body);
  auto root = reader.document();
  ASSERT_TRUE(root) << reader.error();
  EXPECT_EQ(entry_with_id(*root, "tag:jianzheng,2026:en:e00000000a5")->text_of("title"),
            "Visit <by> \"A\" & 'B'");
}

TEST_F(FeedTest, FeedsAreInTheReadersLanguage) {
  Node hans = feed("/zh-hans/cases/c00000000a1/feed.atom");
  EXPECT_EQ(hans.attrs["xml:lang"], "zh-Hans");
  check_entries(hans, "tag:jianzheng,2026:zh-Hans:");
  const Node* e = entry_with_id(hans, "tag:jianzheng,2026:zh-Hans:e00000000a1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->text_of("title"), "刑事拘留");
  EXPECT_EQ(e->child("link")->attrs.at("href"), "/zh-hans/cases/c00000000a1#e00000000a1");
  EXPECT_EQ(entry_with_id(hans, "tag:jianzheng,2026:zh-Hans:c00000000a1")->text_of("title"),
            "订阅测试案");
  // A title with no Chinese text says which language it is in.
  const Node* english = entry_with_id(hans, "tag:jianzheng,2026:zh-Hans:e00000000a5");
  ASSERT_NE(english, nullptr);
  EXPECT_EQ(english->child("title")->attrs.at("xml:lang"), "en");

  Node hant = feed("/zh-hant/cases/cnvch8d2sae/feed.atom");
  EXPECT_EQ(hant.attrs["xml:lang"], "zh-Hant");
  check_entries(hant, "tag:jianzheng,2026:zh-Hant:");
  EXPECT_NE(hant.text_of("title").find("劉曉波"), std::string::npos) << hant.text_of("title");
}

TEST_F(FeedTest, TheViolationsFeedHasOneEntryPerViolationListed) {
  Node f = feed("/en/violations.atom");
  EXPECT_EQ(f.text_of("id"), "tag:jianzheng,2026:en:violations");
  EXPECT_EQ(f.all("link")[0]->attrs.at("href"), "/en/violations.atom");
  auto ids = check_entries(f, "tag:jianzheng,2026:en:");
  auto page = get("/en/violations");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(ids.size(), count(page.body, "<li class=\"clock "));
  EXPECT_GE(ids.size(), 2u);
  // Liu Xiaobo's residential surveillance past six months, after its case's title.
  bool liu = false;
  for (const Node* e : f.all("entry")) {
    if (!e->text_of("id").starts_with("tag:jianzheng,2026:en:cnvch8d2sae/")) continue;
    if (e->text_of("summary").find("15 days over the limit") == std::string::npos) continue;
    liu = true;
    EXPECT_NE(e->text_of("title").find("Residential surveillance"), std::string::npos);
    EXPECT_NE(e->text_of("summary").find("art. 58"), std::string::npos);
    EXPECT_EQ(e->child("link")->attrs.at("href"), "/en/cases/cnvch8d2sae#legal-clock");
  }
  EXPECT_TRUE(liu);
  // The same violation has the same id in the case's feed.
  Node one = feed("/en/cases/c00000000a1/feed.atom");
  std::size_t shared = 0;
  for (const Node* e : one.all("entry"))
    if (e->text_of("id").find('/') != std::string::npos) {
      EXPECT_NE(entry_with_id(f, e->text_of("id")), nullptr) << e->text_of("id");
      ++shared;
    }
  EXPECT_GT(shared, 0u);
  EXPECT_EQ(feed("/zh-hans/violations.atom").all("entry").size(), ids.size());
}

TEST_F(FeedTest, HiddenOrUnknownCasesHaveNoFeed) {
  EXPECT_EQ(get("/en/cases/c00000000a9/feed.atom").status, 404);
  EXPECT_EQ(get("/en/cases/c0000000zzz/feed.atom").status, 404);
  EXPECT_EQ(get("/en/cases/e00000000a1/feed.atom").status, 404);
  EXPECT_EQ(get("/en/cases/p44sj9v9201/feed.atom").status, 404);
}

TEST_F(FeedTest, TheCasePageAndTheViolationsListLinkTheirFeeds) {
  auto c = get("/en/cases/c00000000a1");
  EXPECT_NE(c.body.find("<link rel=\"alternate\" type=\"application/atom+xml\" "
                        "href=\"/en/cases/c00000000a1/feed.atom\" "
                        "title=\"Updates to this case (Atom feed)\">"),
            std::string::npos);
  auto v = get("/zh-hans/violations");
  EXPECT_NE(v.body.find("<link rel=\"alternate\" type=\"application/atom+xml\" "
                        "href=\"/zh-hans/violations.atom\""),
            std::string::npos);
  EXPECT_EQ(get("/en/persons/p44sj9v9201").body.find("application/atom+xml"), std::string::npos);
  EXPECT_EQ(get("/en/cases/c00000000a9").body.find("application/atom+xml"), std::string::npos);
}

TEST_F(FeedTest, FeedsAreCachedAndCompressedLikePages) {
  auto first = get("/en/violations.atom");
  auto second = get("/en/violations.atom");
  auto etag = [](const http::Response& r) {
    for (const auto& [k, v] : r.headers)
      if (k == "ETag") return v;
    return std::string();
  };
  EXPECT_FALSE(etag(first).empty());
  EXPECT_EQ(etag(first), etag(second));
  EXPECT_FALSE(first.gzip_body.empty());
  EXPECT_LT(first.gzip_body.size(), first.body.size());
  EXPECT_EQ(second.content_type, kAtom);
  EXPECT_NE(etag(get("/zh-hans/violations.atom")), etag(first));
}

TEST(XmlSafe, KeepsTextAndDropsWhatXmlCannotCarry) {
  EXPECT_EQ(xml_safe("刘晓波 Liu\tXiaobo\r\n"), "刘晓波 Liu\tXiaobo\r\n");
  EXPECT_EQ(xml_safe(std::string("a\x01"
                                 "b\x0b"
                                 "c\x1f"
                                 "d\x00"
                                 "e",
                                 9)),
            "abcde");
  EXPECT_EQ(xml_safe("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");                    // U+FFFE, U+FFFF
  EXPECT_EQ(xml_safe("\xEF\xBF\xBD\xEF\xBF\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBC");  // U+FFFD, U+FFFC
  EXPECT_EQ(xml_safe("a\xFF"
                     "b\xE5\x88"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_safe("<&>\"'"), "<&>\"'");  // escaping is the template's
  EXPECT_EQ(xml_safe(""), "");
}

}  // namespace
}  // namespace jz::web
