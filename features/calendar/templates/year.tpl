{{%AUTOESCAPE context="HTML"}}<section class="panel calendar-year">
  <h1>Lịch làm việc năm {{YEAR}}</h1>
  <p class="lead">Dương lịch và Âm lịch (năm {{LUNAR_YEAR_PREV}} – {{LUNAR_YEAR}}), giờ Việt Nam (UTC+7).{{#HAS_UNIT}} Theo giờ làm việc của {{UNIT_CODE}} ({{SESSIONS}}).{{/HAS_UNIT}}</p>
  <nav class="actions no-print" aria-label="Chọn năm">
    <a class="button secondary" href="/calendar?year={{PREV}}{{#HAS_UNIT}}&amp;unit={{UNIT_URL}}{{/HAS_UNIT}}" rel="prev">← Năm {{PREV}}</a>
    <a class="button secondary" href="/calendar?year={{NEXT}}{{#HAS_UNIT}}&amp;unit={{UNIT_URL}}{{/HAS_UNIT}}" rel="next">Năm {{NEXT}} →</a>
    <a class="button secondary" href="/calendar/due">Tính hạn giải quyết</a>
    <a class="button secondary" href="/calendar.ics?year={{YEAR}}{{#HAS_UNIT}}&amp;unit={{UNIT_URL}}{{/HAS_UNIT}}" download>Tải về lịch (.ics)</a>
    {{#SIGNED_IN}}<a class="button secondary" href="/calendar/decisions?year={{YEAR}}">Lịch nghỉ do Chính phủ quyết định</a>{{/SIGNED_IN}}
  </nav>
  <form method="get" action="/calendar" class="inline no-print">
    <div class="field"><label for="year">Năm</label>
    <input class="w4" id="year" name="year" inputmode="numeric" maxlength="4" value="{{YEAR}}"></div>
    <div class="field"><label for="unit">Mã đơn vị (không bắt buộc)</label>
    <input class="w5" id="unit" name="unit" maxlength="20" value="{{UNIT}}" aria-describedby="unit-hint"></div>
    <button type="submit" class="secondary">Xem lịch</button>
    <p class="hint" id="unit-hint">Để xem giờ làm việc riêng của một xã, phường, ví dụ 25270.</p>
  </form>
  <p class="choose-place no-print"><a href="/xa?cho=lich">Chọn xã, phường theo tên</a></p>
  <p class="hint no-print">Để in trên khổ A4, dùng lệnh In của trình duyệt (Ctrl+P).</p>
  <ul class="legend" aria-label="Chú giải">
    <li><span class="swatch k-holiday"></span>Nghỉ lễ, Tết</li>
    <li><span class="swatch k-compensatory"></span>Nghỉ bù</li>
    <li><span class="swatch k-swap"></span>Nghỉ hoán đổi</li>
    <li><span class="swatch k-makeup_workday"></span>Làm bù</li>
    <li><span class="swatch rest"></span>Nghỉ hằng tuần</li>
    <li><small>Số nhỏ: ngày Âm lịch (1/M: mùng 1 tháng M)</small></li>
  </ul>
  <div class="months">
    {{#MONTH}}<table class="month">
      <caption>Tháng {{MONTH}}</caption>
      <thead><tr><th scope="col" abbr="Thứ Hai">T2</th><th scope="col" abbr="Thứ Ba">T3</th><th scope="col" abbr="Thứ Tư">T4</th><th scope="col" abbr="Thứ Năm">T5</th><th scope="col" abbr="Thứ Sáu">T6</th><th scope="col" abbr="Thứ Bảy">T7</th><th scope="col" abbr="Chủ nhật">CN</th></tr></thead>
      <tbody>{{#WEEK}}<tr>{{#DAY}}<td class="{{CLASS}}"{{#HAS_DATE}} title="{{TITLE}}"{{/HAS_DATE}}>{{#HAS_DATE}}<span class="s">{{SOLAR}}</span><span class="l">{{LUNAR}}</span>{{/HAS_DATE}}</td>{{/DAY}}</tr>{{/WEEK}}</tbody>
    </table>{{/MONTH}}
  </div>
  <h2>Các ngày nghỉ lễ, nghỉ bù, hoán đổi và làm bù năm {{YEAR}}</h2>
  {{#HAS_REFERENCE}}<p class="reference"><strong>Căn cứ:</strong> {{REFERENCE}}</p>{{/HAS_REFERENCE}}
  {{#NO_DECISIONS}}<p class="notice" id="no-decisions">Chưa ghi nhận quyết định của Chính phủ về lịch nghỉ năm {{YEAR}}: các ngày dưới đây tính theo quy định chung của Bộ luật Lao động (Tết gồm ngày cuối năm Âm lịch và các ngày đầu năm mới; nghỉ bù khi ngày lễ trùng thứ Bảy, Chủ nhật). Lịch thực tế có thể khác khi Chính phủ công bố.</p>{{/NO_DECISIONS}}
  <div class="table-wrap"><table class="entries stack">
    <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Âm lịch</th><th scope="col">Tên</th><th scope="col">Loại</th><th scope="col">Căn cứ</th></tr></thead>
    <tbody>{{#ENTRY}}<tr class="{{KIND_CLASS}}"><td><strong>{{DATE}}</strong></td><td data-label="Thứ">{{WEEKDAY}}</td><td data-label="Âm lịch">{{LUNAR}}</td><td data-label="Tên">{{NAME}}</td><td data-label="Loại">{{KIND}}</td><td class="ref" data-label="Căn cứ">{{REFERENCE}}</td></tr>{{/ENTRY}}</tbody>
  </table></div>
</section>
