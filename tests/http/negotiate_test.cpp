// Conditional requests and content coding, below the socket level.

#include "http/negotiate.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gunzip.hpp"
#include "http/gzip.hpp"

namespace jz::http::detail {
namespace {

TEST(AcceptsGzip, PlainAndListed) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(accepts_gzip("GZIP;Q=0.5"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_TRUE(accepts_gzip("gzip ; q=0.001"));
  EXPECT_TRUE(accepts_gzip("gzip;q=1.000"));
}

TEST(AcceptsGzip, StarCountsUnlessGzipIsNamed) {
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("br, *;q=0.5"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0, *"));  // the specific entry wins
  EXPECT_TRUE(accepts_gzip("gzip, *;q=0"));
}

TEST(AcceptsGzip, ZeroMissingOrMalformedMeansNo) {
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0.000"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=abc"));
  EXPECT_FALSE(accepts_gzip("gzip;q=1.5"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0.5000"));
  EXPECT_FALSE(accepts_gzip("gzipped"));
}

TEST(AcceptsGzip, IdentityPreferredWins) {
  EXPECT_FALSE(accepts_gzip("gzip;q=0.5, identity"));
  EXPECT_TRUE(accepts_gzip("gzip, identity;q=0.5"));
  EXPECT_TRUE(accepts_gzip("gzip, identity"));
}

TEST(CompressibleType, TextJsonXmlSvgJavascript) {
  for (const char* type :
       {"text/html; charset=utf-8", "text/css", "text/plain;charset=utf-8", "TEXT/HTML",
        "application/json", "application/json; charset=utf-8", "application/xml", "image/svg+xml",
        "application/atom+xml", "application/javascript", "application/ld+json", "text/javascript",
        " text/csv "}) {
    EXPECT_TRUE(is_compressible_type(type)) << type;
  }
  for (const char* type :
       {"image/png", "image/jpeg", "application/octet-stream", "application/pdf",
        "application/gzip", "font/woff2", "", "text/", "+xml", "application/zip"}) {
    EXPECT_FALSE(is_compressible_type(type)) << type;
  }
}

TEST(IfNoneMatch, StrongWeakListAndStar) {
  EXPECT_TRUE(if_none_match_matches("\"v1\"", "\"v1\""));
  EXPECT_TRUE(if_none_match_matches("W/\"v1\"", "\"v1\""));  // weak comparison
  EXPECT_TRUE(if_none_match_matches("\"v1\"", "W/\"v1\""));
  EXPECT_TRUE(if_none_match_matches("W/\"v1\"", "W/\"v1\""));
  EXPECT_TRUE(if_none_match_matches("\"a\", \"b\" ,W/\"v1\"", "\"v1\""));
  EXPECT_TRUE(if_none_match_matches("*", "\"anything\""));
  EXPECT_TRUE(if_none_match_matches(" \"v1\" ", " \"v1\" "));
}

TEST(IfNoneMatch, NoMatch) {
  EXPECT_FALSE(if_none_match_matches("\"v2\"", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"V1\"", "\"v1\""));    // opaque tags are case-sensitive
  EXPECT_FALSE(if_none_match_matches("w/\"v1\"", "\"v1\""));  // so is the W/ prefix
  EXPECT_FALSE(if_none_match_matches("v1", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"v1\"", ""));
  EXPECT_FALSE(if_none_match_matches("\"v1\"", "v1"));  // a malformed ETag never matches
  EXPECT_FALSE(if_none_match_matches("*", "v1"));
}

TEST(IfNoneMatch, CommasInsideTagsAreNotSeparators) {
  EXPECT_TRUE(if_none_match_matches("\"x\", \"a,b\"", "\"a,b\""));
  EXPECT_FALSE(if_none_match_matches("\"a\", \"b\"", "\"a,b\""));
  EXPECT_FALSE(if_none_match_matches("\"a,b\"", "\"a\""));
}

TEST(IfNoneMatch, StopsAtMalformedMember) {
  EXPECT_FALSE(if_none_match_matches("\"a\" junk, \"v1\"", "\"v1\""));
  EXPECT_FALSE(if_none_match_matches("\"unterminated, \"v1\"", "\"v1\""));
}

TEST(AddVary, AddsMergesAndDoesNotRepeat) {
  HeaderList none;
  add_vary(none, "Accept-Encoding");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].second, "Accept-Encoding");

  HeaderList language{{"Vary", "Accept-Language"}, {"vary", "Cookie"}};
  add_vary(language, "Accept-Encoding");
  ASSERT_EQ(language.size(), 2u);
  EXPECT_EQ(language[0].second, "Accept-Language, Accept-Encoding");

  HeaderList already{{"Vary", "Cookie"}, {"VARY", "accept-encoding"}};
  add_vary(already, "Accept-Encoding");
  EXPECT_EQ(already[0].second, "Cookie");

  HeaderList star{{"Vary", "*"}};
  add_vary(star, "Accept-Encoding");
  EXPECT_EQ(star[0].second, "*");
}

std::string big_text() {
  std::string s;
  while (s.size() < 4096) s += "见证 testimony record line\n";
  return s;
}

RequestFacts accepts(std::string encoding, std::string if_none_match = "") {
  RequestFacts facts;
  facts.get = true;
  facts.accept_encoding = std::move(encoding);
  facts.if_none_match = std::move(if_none_match);
  return facts;
}

const std::string* header(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return &v;
  }
  return nullptr;
}

TEST(Negotiate, CompressesLargeTextWhenAccepted) {
  Response r = Response::text(200, big_text());
  Response out = negotiate(r, accepts("gzip"));
  ASSERT_NE(header(out, "Content-Encoding"), nullptr);
  EXPECT_EQ(*header(out, "Content-Encoding"), "gzip");
  EXPECT_EQ(*header(out, "Vary"), "Accept-Encoding");
  EXPECT_EQ(test::gunzip(out.body), r.body);
  EXPECT_TRUE(out.gzip_body.empty());
}

TEST(Negotiate, LeavesBodyWhenNotAccepted) {
  Response out = negotiate(Response::text(200, big_text()), accepts("gzip;q=0"));
  EXPECT_EQ(out.body, big_text());
  EXPECT_EQ(header(out, "Content-Encoding"), nullptr);
  EXPECT_EQ(*header(out, "Vary"), "Accept-Encoding");
}

TEST(Negotiate, PrecompressedBodyIsUsedAsGiven) {
  Response r = Response::text(200, "small");
  r.gzip_body = gzip("small");
  Response out = negotiate(r, accepts("gzip"));
  EXPECT_EQ(out.body, gzip("small"));
  Response identity = negotiate(r, accepts(""));
  EXPECT_EQ(identity.body, "small");
  EXPECT_TRUE(identity.gzip_body.empty());
  EXPECT_EQ(*header(identity, "Vary"), "Accept-Encoding");
}

TEST(Negotiate, SkipsNoBodyStatusesAndEncodedOrBinaryBodies) {
  Response encoded = Response::text(200, big_text());
  encoded.headers.emplace_back("content-encoding", "br");
  Response out = negotiate(encoded, accepts("gzip"));
  EXPECT_EQ(out.body, big_text());
  EXPECT_EQ(header(out, "Vary"), nullptr);

  Response png{200, "image/png", big_text(), {}};
  out = negotiate(png, accepts("gzip"));
  EXPECT_EQ(out.body, big_text());
  EXPECT_EQ(header(out, "Vary"), nullptr);

  Response typed_by_header{200, "text/html", big_text(), {{"Content-Type", "image/png"}}};
  out = negotiate(typed_by_header, accepts("gzip"));
  EXPECT_EQ(out.body, big_text());

  for (int status : {101, 204, 304}) {
    Response none{status, "text/html", "", {}};
    none.gzip_body = gzip("");
    out = negotiate(none, accepts("gzip"));
    EXPECT_EQ(header(out, "Content-Encoding"), nullptr) << status;
    EXPECT_EQ(header(out, "Vary"), nullptr) << status;
  }
}

TEST(Negotiate, ErrorsAreCompressedToo) {
  Response out = negotiate(Response::text(404, big_text()), accepts("gzip"));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(test::gunzip(out.body), big_text());
}

TEST(Negotiate, MatchingEtagGives304WithCacheHeadersOnly) {
  Response r = Response::text(200, big_text());
  r.headers = {{"ETag", "\"v1\""},
               {"Cache-Control", "max-age=60"},
               {"Vary", "Accept-Language"},
               {"Content-Location", "/a.zh"},
               {"Set-Cookie", "a=b"},
               {"Content-Language", "zh"},
               {"Content-Security-Policy", "default-src 'self'"}};
  Response out = negotiate(r, accepts("", "\"v1\""));
  EXPECT_EQ(out.status, 304);
  EXPECT_EQ(out.body, "");
  EXPECT_EQ(out.content_type, "");
  EXPECT_EQ(*header(out, "ETag"), "\"v1\"");
  EXPECT_EQ(*header(out, "Cache-Control"), "max-age=60");
  EXPECT_EQ(*header(out, "Vary"), "Accept-Language, Accept-Encoding");
  EXPECT_EQ(*header(out, "Content-Location"), "/a.zh");
  EXPECT_EQ(*header(out, "Content-Security-Policy"), "default-src 'self'");
  EXPECT_EQ(header(out, "Set-Cookie"), nullptr);
  EXPECT_EQ(header(out, "Content-Language"), nullptr);
}

TEST(Negotiate, OnlyGetAnd200AreConditional) {
  Response r = Response::text(200, "x");
  r.headers = {{"ETag", "\"v1\""}};
  RequestFacts post = accepts("", "\"v1\"");
  post.get = false;
  EXPECT_EQ(negotiate(r, post).status, 200);

  Response created = r;
  created.status = 201;
  EXPECT_EQ(negotiate(created, accepts("", "\"v1\"")).status, 201);

  Response no_etag = Response::text(200, "x");
  EXPECT_EQ(negotiate(no_etag, accepts("", "*")).status, 200);
}

TEST(Negotiate, GzipWeakensStrongEtag) {
  Response r = Response::text(200, big_text());
  r.headers = {{"ETag", "\"v1\""}};
  EXPECT_EQ(*header(negotiate(r, accepts("gzip")), "ETag"), "W/\"v1\"");
  EXPECT_EQ(*header(negotiate(r, accepts("")), "ETag"), "\"v1\"");
  // The 304 carries the ETag the 200 would have had; weak comparison still matches.
  Response not_modified = negotiate(r, accepts("gzip", "W/\"v1\""));
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(*header(not_modified, "ETag"), "W/\"v1\"");
  Response small = Response::text(200, "tiny");
  small.headers = {{"ETag", "\"s\""}};
  EXPECT_EQ(*header(negotiate(small, accepts("gzip")), "ETag"), "\"s\"");
}

TEST(RequestFacts, JoinsRepeatedHeadersAndTreatsGetOnly) {
  Request request;
  request.method = "GET";
  request.headers = {{"accept-encoding", "br"},
                     {"if-none-match", "\"a\""},
                     {"accept-encoding", "gzip"},
                     {"if-none-match", "\"b\""}};
  RequestFacts facts = request_facts(request);
  EXPECT_TRUE(facts.get);
  EXPECT_EQ(facts.accept_encoding, "br, gzip");
  EXPECT_EQ(facts.if_none_match, "\"a\", \"b\"");
  request.method = "POST";
  EXPECT_FALSE(request_facts(request).get);
}

}  // namespace
}  // namespace jz::http::detail
