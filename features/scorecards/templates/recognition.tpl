{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>Đơn vị đạt chuẩn</h1>
  <form method="get" action="/cham-diem/cong-nhan" class="filter-row" novalidate>
    <div class="field">
      <label for="set">Bộ tiêu chí</label>
      <select id="set" name="set">{{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</select>
    </div>
    {{#HAS_PERIODS}}<div class="field">
      <label for="from">Kỳ đánh giá</label>
      <select id="from" name="from">{{#PERIOD}}<option value="{{FROM}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/PERIOD}}</select>
    </div>{{/HAS_PERIODS}}
    <button type="submit">Xem</button>
  </form>
  {{#NO_PERIODS}}<p id="no-periods">Chưa có bản đánh giá nào theo bộ tiêu chí này.</p>{{/NO_PERIODS}}
  {{#RESULT}}
  <p class="lead">{{SET}} · {{UNIT}} · kỳ {{PERIOD}}.</p>
  <p>{{RULE}} Chỉ các bản đánh giá đã chốt điểm được xét.</p>
  <p id="summary"><strong>{{SUMMARY}}</strong></p>
  {{#HAS_PENDING}}<p id="pending">Còn {{PENDING}} bản đánh giá của kỳ này chưa chốt điểm; các đơn vị đó chưa có trong danh sách.</p>{{/HAS_PENDING}}
  {{#HAS_ROWS}}<ul class="plain" id="downloads">
    <li><a href="/cham-diem/cong-nhan.pdf{{QUERY}}">Tải phụ lục danh sách đạt chuẩn kèm quyết định (PDF)</a></li>
    <li><a href="/cham-diem/cong-nhan.xlsx{{QUERY}}">Tải kết quả của mọi đơn vị (XLSX)</a></li>
  </ul>{{/HAS_ROWS}}
  {{#HAS_YES}}<div class="table-wrap" role="region" aria-labelledby="yes-caption" tabindex="0"><table class="stack" id="recognised">
    <caption id="yes-caption">Đơn vị đạt chuẩn</caption>
    <thead><tr><th scope="col" class="num">STT</th><th scope="col">Đơn vị</th><th scope="col" class="num">Điểm</th><th scope="col">Hạng</th></tr></thead>
    <tbody>{{#YES}}<tr><td class="num" data-label="STT">{{N}}</td><th scope="row"><a href="/cham-diem/danh-gia/{{ID}}">{{UNIT}}</a></th><td class="num" data-label="Điểm">{{TOTAL}}</td><td data-label="Hạng">{{RANK}}</td></tr>{{/YES}}</tbody>
  </table></div>{{/HAS_YES}}
  {{#HAS_NO}}<div class="table-wrap" role="region" aria-labelledby="no-caption" tabindex="0"><table class="stack" id="not-recognised">
    <caption id="no-caption">Đơn vị chưa đạt chuẩn và lý do</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Điểm</th><th scope="col">Lý do</th></tr></thead>
    <tbody>{{#NO}}<tr><th scope="row"><a href="/cham-diem/danh-gia/{{ID}}">{{UNIT}}</a></th><td class="num" data-label="Điểm">{{TOTAL}}</td><td data-label="Lý do"><ul class="plain">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul></td></tr>{{/NO}}</tbody>
  </table></div>{{/HAS_NO}}
  {{/RESULT}}
</section>
