#include "core/record_json.hpp"

#include <gtest/gtest.h>

namespace jz {
namespace {

// One record of each kind in canonical form: decoding and encoding must give it back exactly.
const char*
    kCanonical
        [] =
            {
                R"j({"id":"p0k3m9x2q4a","kind":"person","slug":"liu-xiaobo","visibility":"public","confidential":["/body/health"],"created":"2026-01-02T03:04:05Z","updated":"2026-01-02T03:04:05Z","revision":3,"sources":[{"source":"s0000000001","locator":"line 50"}],"links":[{"type":"detained_at","target":"f0000000001","from":"2009-12~","to":"2010","visibility":"restricted","note":{"en":"unconfirmed"}}],"body":{"name":{"zh":"刘晓波","zh_hant":"劉曉波","en":"Liu Xiaobo"},"aliases":[{"name":"Liu Hsiao-po","system":"wade_giles"}],"gender":"male","born":"1955-12-28","died":"2017-07-13","ethnicity":{"zh":"汉族","en":"Han"},"province":"jilin","home_place":{"zh":"长春","en":"Changchun"},"groups":["writer","academic"],"health":{"en":"liver cancer"},"status":"deceased","status_verified":"2017-07","status_note":{"en":"died in custody"},"summary":{"en":"Writer."}}})j",
                R"j({"id":"c0000000001","kind":"case","slug":"case-of-liu-xiaobo","visibility":"public","body":{"title":{"zh":"刘晓波案","en":"Case of Liu Xiaobo"},"persons":["p0k3m9x2q4a"],"topics":["t0000000001"],"charges":[{"name":{"zh":"煽动颠覆国家政权罪","en":"inciting subversion of state power"},"law":"criminal_law","article":"105(2)"}],"facilities":["f0000000001"],"lawyers":["p0000000002","o0000000001"],"sentence":{"type":"fixed_term","years":11,"ends":"2020-06-21","text":{"en":"11 years"}},"status":"serving_sentence","featured":true}})j",
                R"j({"id":"e0000000001","kind":"event","visibility":"public","body":{"type":"residential_surveillance","date":"2008-12-08","case":"c0000000001","persons":["p0k3m9x2q4a"],"place":{"en":"Beijing"},"facility":"f0000000001","title":{"en":"Taken away"},"notes":{"en":"Before Charter 08 was published."}}})j",
                R"j({"id":"f0000000001","kind":"facility","visibility":"public","body":{"type":"prison","name":{"zh":"锦州监狱","en":"Jinzhou Prison"},"aliases":[{"en":"Liaoning Province Jinzhou Prison"}],"province":"liaoning","county":{"en":"Jinzhou"},"location":{"lat":41.1,"lon":121.13},"authority":{"en":"Liaoning Prison Administration Bureau"},"legal_basis":{"en":"Prison Law"},"opened":"1950~","conditions":[{"date":"2010","text":{"en":"reports of forced labour"},"sources":[{"source":"s0000000001"}]}],"summary":{"en":"A prison."}}})j",
                R"j({"id":"o0000000001","kind":"organization","visibility":"public","body":{"type":"ngo","name":{"en":"Tiananmen Mothers"},"province":"beijing","url":"https://example.org/","summary":{"en":"Families of the victims."}}})j",
                R"j({"id":"s0000000001","kind":"source","visibility":"public","body":{"type":"report","title":{"en":"Promoting Human Rights in China"},"url":"https://example.org/r.pdf","publisher":{"en":"HRIC"},"published":"2001","retrieved":"2026-11-22","reliability":"B","language":"en","file_hash":"blake2b-256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}})j",
                R"j({"id":"t0000000001","kind":"topic","visibility":"public","body":{"key":"freedom_of_expression","title":{"zh":"言论自由","en":"Freedom of expression"},"summary":{"en":"S"},"text":{"en":"# Heading\n\nText."}}})j",
};

TEST(RecordJson, EveryKindRoundTripsToTheSameBytes) {
  for (const char* text : kCanonical) {
    SCOPED_TRACE(text);
    auto r = parse_record(text);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(to_canonical_json(*r), text);
  }
}

TEST(RecordJson, OutputOrderDoesNotDependOnInputOrder) {
  auto a = parse_record(
      R"({"body":{"title":{"en":"T"},"type":"report"},"visibility":"public","kind":"source"})");
  ASSERT_TRUE(a) << a.status().message();
  EXPECT_EQ(
      to_canonical_json(*a),
      R"({"kind":"source","visibility":"public","body":{"type":"report","title":{"en":"T"}}})");
}

struct Bad {
  const char* json;
  const char* says;
};

TEST(RecordJson, RefusesBadRecordsNamingThePath) {
  const Bad cases[] = {
      {R"({"kind":"prisoner","body":{}})", "/kind: \"prisoner\" is not allowed; use one of person"},
      {R"({"kind":"person","body":{"name":{"en":"A"},"born":"1989-13"}})",
       "/body/born: \"1989-13\" is not a date: month 13"},
      {R"({"kind":"person","body":{"name":{"en":"A"},"born":"circa 2009"}})", "\"2009~\""},
      {R"({"kind":"person","body":{"name":{"en":"A"},"nickname":"x"}})",
       "/body/nickname: unknown field"},
      {R"({"kind":"person","body":{"name":"刘晓波"}})", "/body/name: expected {\"zh\""},
      {R"({"kind":"person","body":{"name":{}}})", "/body/name: needs \"zh\" or \"en\""},
      {R"({"kind":"person","body":{}})", "/body/name: required"},
      {R"({"kind":"case","body":{"title":{"en":"A"},"featured":"yes"}})",
       "/body/featured: expected true or false"},
      {R"({"kind":"person","body":{"name":{"en":"A"},"status":"jailed"}})",
       "/body/status: \"jailed\" is not allowed"},
      {R"({"kind":"person","body":{"name":{"en":"A"},"groups":["lawyer","pilot"]}})",
       "/body/groups/1: \"pilot\" is not allowed"},
      {R"({"kind":"person","body":{"name":{"en":"A"},"born":"2000","died":"1990"}})",
       "/body/died: is before the date of birth"},
      {R"({"kind":"person","id":"c0000000001","body":{"name":{"en":"A"}}})",
       "/id: \"c0000000001\" names the wrong kind"},
      {R"({"kind":"person","id":"P-1","body":{"name":{"en":"A"}}})",
       "/id: \"P-1\" is not a record id"},
      {R"({"kind":"person","slug":"Liu Xiaobo","body":{"name":{"en":"A"}}})",
       "/slug: use lowercase"},
      {R"({"kind":"person","created":"2026-01-02 03:04","body":{"name":{"en":"A"}}})",
       "/created: expected UTC time"},
      {R"({"kind":"case","body":{"title":{"en":"A"},"persons":["s0000000001"]}})",
       "/body/persons/0: \"s0000000001\" names the wrong kind"},
      {R"({"kind":"event","body":{"type":"arrest_approved"}})", "/body/date: required"},
      {R"({"kind":"facility","body":{"type":"prison","name":{"en":"A"},"location":{"lat":91,"lon":0}}})",
       "/body/location: latitude"},
      {R"({"kind":"source","body":{"type":"report","title":{"en":"A"},"url":"ftp://x"}})",
       "/body/url: \"ftp://x\" must start with http"},
      {R"({"kind":"source","body":{"type":"report","title":{"en":"A"},"file_hash":"md5:00"}})",
       "/body/file_hash: expected \"blake2b-256:\""},
      {R"({"kind":"topic","body":{"key":"Free Speech","title":{"en":"A"}}})",
       "/body/key: use lowercase"},
      {R"({"kind":"person","links":[{"type":"friend_of","target":"p0000000001"}],"body":{"name":{"en":"A"}}})",
       "/links/0/type: \"friend_of\" is not allowed"},
      {R"({"kind":"person","sources":[{"source":"p0000000001"}],"body":{"name":{"en":"A"}}})",
       "/sources/0/source: \"p0000000001\" names the wrong kind"},
      {R"({"kind":"person","confidential":["/body/helth"],"body":{"name":{"en":"A"},"health":{"en":"x"}}})",
       "/confidential/0: \"/body/helth\" names no field"},
      {R"({"kind":"person","confidential":["/body/name"],"body":{"name":{"en":"A"}}})",
       "make the whole record restricted or confidential instead"},
      {R"({"kind":"person","confidential":["/visibility"],"body":{"name":{"en":"A"}}})",
       "must point into /body, /sources or /links"},
      {R"({"kind":"person","revision":-1,"body":{"name":{"en":"A"}}})",
       "/revision: must be between"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    auto r = parse_record(c.json);
    ASSERT_FALSE(r);
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().message();
  }
}

TEST(RecordJson, SyntaxErrorsNameTheByte) {
  auto r = parse_record(R"({"kind":"person",,})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().message().rfind("byte 18: ", 0), 0u) << r.status().message();
}

TEST(RecordJson, ANumberTooLargeForADoubleIsAnErrorNotACrash) {
  // Found by fuzz/record_json_fuzz.cpp: nlohmann throws out_of_range, not parse_error.
  auto r = parse_record(R"({"kind":"person","body":{"}indn":2E989-13"}})");
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find("number overflow"), std::string::npos)
      << r.status().message();
}

TEST(RecordJson, ReferencesListEveryIdARecordPointsAt) {
  auto r = parse_record(kCanonical[1]);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->references(),
            (Ids{"f0000000001", "o0000000001", "p0000000002", "p0k3m9x2q4a", "t0000000001"}));
}

}  // namespace
}  // namespace jz
