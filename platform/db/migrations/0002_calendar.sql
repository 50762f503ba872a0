-- Working-day calendar: the government's yearly decisions on top of the
-- statutory holidays (computed in features/calendar/rules.cpp), and units'
-- working weeks (inherited down the unit tree).

-- One row per date that differs from the statutory rules.
-- kind: holiday | compensatory | swap | makeup_workday | workday (cancels a generated entry:
-- the day follows the weekly schedule).
CREATE TABLE calendar_days (
  id @ID@,
  day TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  reference TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,  -- grows on every change (servers compare it to refresh caches)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The published decisions a year's schedule follows (shown with the year).
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  reference TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A unit's working week; units without a row inherit their nearest ancestor's,
-- and the defaults (07:30-11:30, 13:30-17:00, Saturday and Sunday off) apply at the top.
-- Sessions are "HH:MM-HH:MM" separated by commas; rest_days are ISO weekdays (1 Monday .. 7 Sunday).
CREATE TABLE unit_work_weeks (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  sessions TEXT NOT NULL,
  rest_days TEXT NOT NULL,
  hours_per_day INTEGER NOT NULL,
  no_friday_rule INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

-- The schedules actually decided for 2024, 2025 and 2026 (public sector).
INSERT INTO calendar_years (year, reference, updated_at) VALUES
(2024, 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch Giáp Thìn và Quốc khánh năm 2024 theo phương án Thủ tướng Chính phủ đồng ý: Tết nghỉ từ thứ Năm 08/02 đến hết thứ Tư 14/02/2024 (29 tháng Chạp đến mùng 5 tháng Giêng); Quốc khánh nghỉ 02/9 và 03/9/2024. Văn bản số 2450 của Văn phòng Chính phủ (tháng 4/2024) truyền đạt ý kiến Thủ tướng đồng ý hoán đổi ngày làm việc thứ Hai 29/4/2024 sang thứ Bảy 04/5/2024 (nghỉ 27/4–01/5/2024).', '2026-11-23T00:00:00Z'),
(2025, 'Thủ tướng Chính phủ đồng ý phương án của Bộ Lao động – Thương binh và Xã hội (Văn phòng Chính phủ thông báo ngày 26/11/2024): Tết Âm lịch Ất Tỵ nghỉ 9 ngày từ thứ Bảy 25/01 đến hết Chủ nhật 02/02/2025 (26 tháng Chạp đến mùng 5 tháng Giêng), gồm 5 ngày Tết từ thứ Hai 27/01 đến thứ Sáu 31/01 (28 tháng Chạp đến mùng 3 tháng Giêng) và 4 ngày nghỉ hằng tuần; Quốc khánh nghỉ 01/9 và 02/9/2025 (nghỉ 30/8–02/9). Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025 (nghỉ 30/4–04/5/2025).', '2026-11-23T00:00:00Z'),
(2026, 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: Tết Dương lịch nghỉ 01/01–04/01/2026, hoán đổi ngày làm việc thứ Sáu 02/01 sang thứ Bảy 10/01/2026. Thủ tướng Chính phủ đồng ý phương án của Bộ Nội vụ (10/2025): Tết Nguyên đán Bính Ngọ nghỉ 9 ngày từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026 (27 tháng Chạp đến mùng 6 tháng Giêng), gồm 5 ngày Tết và 4 ngày nghỉ hằng tuần; Quốc khánh nghỉ 5 ngày từ thứ Bảy 29/8 đến hết thứ Tư 02/9/2026.', '2026-11-23T00:00:00Z');

INSERT INTO calendar_days (day, kind, name, reference, created_at, updated_at) VALUES
('2024-02-08', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', 'Lịch nghỉ Tết Giáp Thìn 2024: 08/02–14/02/2024', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2024-02-13', 'compensatory', 'Nghỉ bù (mùng 1, mùng 2 Tết rơi vào thứ Bảy, Chủ nhật)', 'Lịch nghỉ Tết Giáp Thìn 2024: 08/02–14/02/2024', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2024-02-15', 'workday', 'Làm việc (lịch nghỉ Tết 2024 đã gồm các ngày nghỉ bù)', 'Lịch nghỉ Tết Giáp Thìn 2024: 08/02–14/02/2024', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2024-04-29', 'swap', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)', 'Văn bản số 2450 của Văn phòng Chính phủ (4/2024)', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2024-05-04', 'makeup_workday', 'Làm bù cho thứ Hai 29/4/2024', 'Văn bản số 2450 của Văn phòng Chính phủ (4/2024)', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2025-01-27', 'holiday', 'Tết Nguyên đán (28 tháng Chạp)', 'Phương án nghỉ Tết Ất Tỵ được Thủ tướng đồng ý (26/11/2024): 5 ngày Tết 27/01–31/01/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2025-02-01', 'workday', 'Ngày nghỉ hằng tuần (5 ngày Tết 2025 đặt từ 27/01 đến 31/01)', 'Phương án nghỉ Tết Ất Tỵ được Thủ tướng đồng ý (26/11/2024): 5 ngày Tết 27/01–31/01/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2025-02-03', 'workday', 'Làm việc (5 ngày Tết 2025 đặt từ 27/01 đến 31/01)', 'Phương án nghỉ Tết Ất Tỵ được Thủ tướng đồng ý (26/11/2024): 5 ngày Tết 27/01–31/01/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2025-05-02', 'swap', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Hoán đổi ngày làm việc dịp 30/4–01/5/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2025-04-26', 'makeup_workday', 'Làm bù cho thứ Sáu 02/5/2025', 'Hoán đổi ngày làm việc dịp 30/4–01/5/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2026-01-02', 'swap', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2026-01-10', 'makeup_workday', 'Làm bù cho thứ Sáu 02/01/2026', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
('2026-08-31', 'swap', 'Nghỉ hoán đổi dịp Quốc khánh (nghỉ 29/8–02/9/2026)', 'Phương án nghỉ Quốc khánh 2026 được Thủ tướng Chính phủ đồng ý (10/2025); ngày làm bù theo văn bản hướng dẫn', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');
