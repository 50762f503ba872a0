-- Survey questionnaires (features/surveys). A version is never changed once a
-- campaign uses it (frozen = 1): a change makes a new version of the code.
-- unit_id NULL: shipped with the system. sections_json: [{"title",
-- "questions": [{"key", "text", "kind" (likert | single | multiple | text),
-- "required", "options", "element"}]}]; a Likert question's element names
-- the SIPAS element whose index it counts in.
CREATE TABLE questionnaires (
  id @ID@,
  unit_id BIGINT REFERENCES units(id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  sections_json TEXT NOT NULL,
  frozen INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX questionnaires_version ON questionnaires(code, version);

-- The SIPAS-style template (QĐ 2640/QĐ-BNV): 5 elements, Likert 1-5; an
-- element's index is the share of answers 4 (hài lòng) and 5 (rất hài lòng).
INSERT INTO questionnaires (unit_id, code, version, name, sections_json, frozen, created_by, created_at) VALUES (NULL,
'sipas', 1, 'Khảo sát sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính (SIPAS)',
'[{"title":"Tiếp cận dịch vụ","questions":[{"key":"q1","text":"Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi","kind":"likert","required":true,"options":[],"element":"tiep_can"},{"key":"q2","text":"Trang thiết bị phục vụ người dân đầy đủ, dễ sử dụng","kind":"likert","required":true,"options":[],"element":"tiep_can"},{"key":"q3","text":"Trang thiết bị phục vụ người dân hiện đại","kind":"likert","required":true,"options":[],"element":"tiep_can"}]},{"title":"Thủ tục hành chính","questions":[{"key":"q4","text":"Thủ tục hành chính được niêm yết công khai đầy đủ, dễ tìm","kind":"likert","required":true,"options":[],"element":"thu_tuc"},{"key":"q5","text":"Thành phần hồ sơ ông/bà phải nộp đúng quy định","kind":"likert","required":true,"options":[],"element":"thu_tuc"},{"key":"q6","text":"Phí, lệ phí ông/bà phải nộp đúng quy định","kind":"likert","required":true,"options":[],"element":"thu_tuc"},{"key":"q7","text":"Thời hạn giải quyết ghi trên giấy hẹn đúng quy định","kind":"likert","required":true,"options":[],"element":"thu_tuc"}]},{"title":"Công chức trực tiếp giải quyết công việc","questions":[{"key":"q8","text":"Công chức có thái độ giao tiếp lịch sự","kind":"likert","required":true,"options":[],"element":"cong_chuc"},{"key":"q9","text":"Công chức chú ý lắng nghe ý kiến của ông/bà","kind":"likert","required":true,"options":[],"element":"cong_chuc"},{"key":"q10","text":"Công chức trả lời, giải thích đầy đủ các ý kiến của ông/bà","kind":"likert","required":true,"options":[],"element":"cong_chuc"},{"key":"q11","text":"Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu","kind":"likert","required":true,"options":[],"element":"cong_chuc"},{"key":"q12","text":"Công chức tuân thủ đúng quy định khi giải quyết công việc","kind":"likert","required":true,"options":[],"element":"cong_chuc"}]},{"title":"Kết quả giải quyết thủ tục hành chính","questions":[{"key":"q13","text":"Kết quả ông/bà nhận được đúng quy định","kind":"likert","required":true,"options":[],"element":"ket_qua"},{"key":"q14","text":"Kết quả có thông tin đầy đủ, chính xác","kind":"likert","required":true,"options":[],"element":"ket_qua"},{"key":"q15","text":"Ông/bà nhận kết quả đúng hẹn","kind":"likert","required":true,"options":[],"element":"ket_qua"}]},{"title":"Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị","questions":[{"key":"q16","text":"Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị","kind":"likert","required":true,"options":[],"element":"gop_y"},{"key":"q17","text":"Ông/bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị","kind":"likert","required":true,"options":[],"element":"gop_y"},{"key":"q18","text":"Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị","kind":"likert","required":true,"options":[],"element":"gop_y"},{"key":"q19","text":"Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị","kind":"likert","required":true,"options":[],"element":"gop_y"}]},{"title":"Ý kiến khác","questions":[{"key":"q20","text":"Ông/bà mong muốn cơ quan cải thiện điều gì?","kind":"text","required":false,"options":[],"element":""}]}]', 1, 0, '2026-01-01T00:00:00Z');
