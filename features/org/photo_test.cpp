// Officials' photos: who may set them, what is refused (type by content,
// size, pixel dimensions) and that a refusal changes nothing; both backends.
#include <gtest/gtest.h>

#include "features/org/rules.h"
#include "features/org/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "tests/support/images.h"
#include "tests/support/test_db.h"

namespace fg::org {
namespace {

using fg::testing::JpegOf;
using fg::testing::KindOf;
using fg::testing::PngOf;

TEST(OrgPhotoRules, ReadsTypeAndPixelSizeFromTheContent) {
  auto png = SniffImage(PngOf(30, 40));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->mime, "image/png");
  EXPECT_EQ(png->width, 30);
  EXPECT_EQ(png->height, 40);
  auto jpeg = SniffImage(JpegOf(1200, 1600));
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->mime, "image/jpeg");
  EXPECT_EQ(jpeg->width, 1200);
  EXPECT_EQ(jpeg->height, 1600);
  auto progressive = SniffImage(JpegOf(300, 400, 0xC2));
  ASSERT_TRUE(progressive);
  EXPECT_EQ(progressive->width, 300);
  // Not images, or too broken to say their size.
  EXPECT_FALSE(SniffImage("GIF89a\x01\x00\x01\x00"));
  EXPECT_FALSE(SniffImage("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
  EXPECT_FALSE(SniffImage(PngOf(30, 40).substr(0, 20)));
  EXPECT_FALSE(SniffImage(JpegOf(30, 40).substr(0, 24)));                // cut inside the frame header
  EXPECT_FALSE(SniffImage(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6)));  // a scan before any frame
}

TEST(OrgPhotoRules, RefusalsNameTheFieldInPlainVietnamese) {
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  auto refusal = [](std::string_view bytes) -> AppError {
    try {
      CheckPhoto(bytes);
    } catch (const AppError& e) {
      return e;
    }
    ADD_FAILURE() << "accepted";
    return AppError(ErrorKind::kUnavailable, "");
  };
  auto empty = refusal("");
  EXPECT_EQ(empty.kind(), ErrorKind::kBadRequest);
  EXPECT_EQ(empty.field(), "photo");
  auto big = refusal(PngOf(30, 40) + std::string(512 * 1024, '\0'));
  EXPECT_EQ(big.kind(), ErrorKind::kTooLarge);
  EXPECT_EQ(render::Text(big.key(), big.args()), "Ảnh quá lớn: tối đa 512 KB. Hãy thu nhỏ ảnh rồi tải lên lại.");
  auto pdf = refusal("%PDF-1.7 trông như ảnh.jpg");
  EXPECT_EQ(pdf.kind(), ErrorKind::kUnsupportedMediaType);
  EXPECT_EQ(pdf.field(), "photo");
  EXPECT_NE(render::Text(pdf.key(), pdf.args()).find("không phải ảnh JPEG hoặc PNG"), std::string::npos);
  auto wide = refusal(PngOf(2001, 10));
  EXPECT_EQ(wide.kind(), ErrorKind::kBadRequest);
  EXPECT_EQ(render::Text(wide.key(), wide.args()),
            "Ảnh có kích thước 2001 × 10 điểm ảnh: mỗi chiều phải từ 1 đến 2000 điểm ảnh. Hãy thu nhỏ ảnh.");
  EXPECT_EQ(refusal(JpegOf(10, 2001)).kind(), ErrorKind::kBadRequest);
  EXPECT_EQ(refusal(JpegOf(0, 10)).kind(), ErrorKind::kBadRequest);
  // At the limits: accepted.
  EXPECT_EQ(CheckPhoto(JpegOf(2000, 2000)).width, 2000);
  std::string at_limit = PngOf(2, 2);
  at_limit.resize(512 * 1024, '\0');
  EXPECT_EQ(CheckPhoto(at_limit).mime, "image/png");
}

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "C1,Xã Một,commune,P1,2000-01-01,,\n"
    "C2,Xã Hai,commune,P1,2000-01-01,,\n";

class OrgPhotoTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    svc_ = std::make_unique<Service>(*db_);
    svc_->ImportCsv(SystemPrincipal(), kTree);
  }
  std::pair<int64_t, auth::Principal> Person(const std::string& username, const std::string& unit,
                                             const std::string& role) {
    auto o = svc_->CreateOfficial(SystemPrincipal(),
                                  {username, "Người " + username, unit, "", "", "", "mat-khau-dai-1"}, {{role, unit}});
    return {o.id, *db_->read([&](db::Conn& c) { return Service::LoadPrincipal(c, o.id); })};
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<Service> svc_;
};

TEST_P(OrgPhotoTest, TheOfficialOrAnAdministratorOrLeaderCoveringThemSetsIt) {
  // Named variables, not structured bindings: the lambdas below capture them (clang-tidy's clang 14).
  const auto clerk_person = Person("van.thu", "C1", "desk");
  const int64_t clerk_id = clerk_person.first;
  const auth::Principal& clerk = clerk_person.second;
  const auth::Principal other = Person("mot.cua", "C1", "desk").second;
  const auth::Principal leader = Person("chu.tich", "C1", "leader").second;
  const auth::Principal admin2 = Person("quan.tri.c2", "C2", "admin").second;
  const auth::Principal admin = Person("quan.tri", "P1", "admin").second;
  EXPECT_FALSE(svc_->PhotoOf(clerk, clerk_id));

  const std::string first = PngOf(30, 40);
  auto p = svc_->SetPhoto(clerk, clerk_id, first);  // herself
  EXPECT_EQ(p.mime, "image/png");
  EXPECT_EQ(p.width, 30);
  EXPECT_EQ(p.size, static_cast<int64_t>(first.size()));
  auto f = svc_->PhotoFileOf(leader, clerk_id);  // her unit's leader sees it: the same bytes
  EXPECT_EQ(f.bytes, first);
  EXPECT_EQ(f.photo.sha256, p.sha256);

  // Another desk officer of the unit and an administrator of another unit may not.
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(other, clerk_id, JpegOf(30, 40)); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(admin2, clerk_id, JpegOf(30, 40)); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->RemovePhoto(other, clerk_id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->PhotoFileOf(admin2, clerk_id); }), ErrorKind::kForbidden);
  // The leader and the province's administrator may replace it.
  auto second = svc_->SetPhoto(leader, clerk_id, JpegOf(300, 400));
  EXPECT_EQ(second.mime, "image/jpeg");
  EXPECT_NE(second.version(), p.version());
  auto third = svc_->SetPhoto(admin, clerk_id, PngOf(60, 80));
  EXPECT_EQ(svc_->PhotoOf(clerk, clerk_id)->sha256, third.sha256);

  // A refused upload leaves the photo as it was.
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(clerk, clerk_id, "GIF89a"); }), ErrorKind::kUnsupportedMediaType);
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(clerk, clerk_id, PngOf(2100, 10)); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(clerk, clerk_id, std::string(600 * 1024, '\xFF')); }), ErrorKind::kTooLarge);
  EXPECT_EQ(svc_->PhotoFileOf(clerk, clerk_id).bytes, PngOf(60, 80));

  // Removal: by the official; then nothing to serve; removing again is harmless.
  svc_->RemovePhoto(clerk, clerk_id);
  EXPECT_FALSE(svc_->PhotoOf(clerk, clerk_id));
  EXPECT_EQ(KindOf([&] { svc_->PhotoFileOf(clerk, clerk_id); }), ErrorKind::kNotFound);
  svc_->RemovePhoto(admin, clerk_id);
  EXPECT_EQ(KindOf([&] { svc_->SetPhoto(admin, 999999, PngOf(3, 4)); }), ErrorKind::kNotFound);
}

FG_BOTH_BACKENDS(OrgPhotoTest);

}  // namespace
}  // namespace fg::org
