#pragma once
// What the mirror tests share: a temporary directory per test, small files, a keyring.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/clock.hpp"
#include "mirror/file_io.hpp"
#include "mirror/keyring.hpp"
#include "mirror/sign.hpp"
#include "mirror/signer.hpp"
#include "mirror/verify.hpp"

namespace jz::mirror::testing {

namespace fs = std::filesystem;

inline constexpr const char* kCreated = "2024-06-04T08:00:00Z";

class MirrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jz-mirror-test.XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    tmp_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

  fs::path tmp(const std::string& name) const { return tmp_ / name; }

  static void write(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }
  static std::string read(const fs::path& p) {
    auto r = read_file(p);
    EXPECT_TRUE(r.is_ok()) << r.status().message();
    return r ? *r : std::string();
  }

  // A site of a few pages, as the exporter writes it.
  fs::path make_site(const std::string& name = "site") {
    fs::path d = tmp(name);
    write(d / "index.html", "<!doctype html><title>见证</title>\n");
    write(d / "en/index.html", "<!doctype html><title>Jianzheng</title>\n");
    write(d / "en/persons/p44sj9v9201.html", "<p>Liu Xiaobo</p>\n");
    write(d / "zh-hans/persons/p44sj9v9201.html", "<p>刘晓波</p>\n");
    write(d / "static/site.css", "body{margin:0}\n");
    write(d / "empty.txt", "");
    return d;
  }

  // A keyring made at a fixed time.
  fs::path make_keys(const std::string& name = "keys", const char* at = "2024-01-01T00:00:00Z") {
    fs::path d = tmp(name);
    auto r = generate_keys(d, fixed_clock(at));
    EXPECT_TRUE(r.is_ok()) << r.status().message();
    return d;
  }

  static Signer signer(const fs::path& keys) {
    auto s = load_signer(keys);
    if (!s) throw std::runtime_error(s.status().message());
    return std::move(*s);
  }

  static void sign(const fs::path& site, const fs::path& keys, const char* created = kCreated) {
    Status s = sign_tree(site, created, signer(keys));
    ASSERT_TRUE(s.is_ok()) << s.message();
  }

  static VerifyReport verify(const fs::path& path, VerifyOptions o) {
    auto r = verify_mirror(path, o);
    if (!r) throw std::runtime_error(r.status().message());
    return std::move(*r);
  }
  static VerifyOptions with_keys(const fs::path& keys) {
    VerifyOptions o;
    o.keyring_dir = keys;
    return o;
  }
  static VerifyOptions with_key(const std::string& fingerprint) {
    VerifyOptions o;
    o.trusted_key = fingerprint;
    return o;
  }
  static std::string fingerprint_of(const fs::path& keys) {
    return load_keyring(keys)->current_fingerprint();
  }

  fs::path tmp_;
};

}  // namespace jz::mirror::testing
