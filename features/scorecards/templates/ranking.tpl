{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>Xếp hạng các đơn vị</h1>
  <form method="get" action="/cham-diem/xep-hang" class="filter-row" novalidate>
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
  {{#RESULT}}
  <p class="lead">{{SET}} · {{UNIT}} · kỳ {{PERIOD}}. Chỉ các bản đánh giá đã chốt điểm được xếp hạng.</p>
  <p><a href="/cham-diem/cong-nhan{{QUERY}}">Xem danh sách đơn vị đạt chuẩn của kỳ này</a></p>
  {{#HAS_PENDING}}<p id="pending">Còn {{PENDING}} bản đánh giá của kỳ này chưa chốt điểm.</p>{{/HAS_PENDING}}
  {{CHART:none}}
  {{#TIES}}<p id="ties">Các đơn vị bằng điểm nhau được xếp đồng hạng; hạng kế tiếp bỏ qua số thứ tự tương ứng. Trong cùng một hạng, đơn vị được liệt kê theo tên, thứ tự này không có ý nghĩa xếp hạng.</p>{{/TIES}}
  <div class="table-wrap" role="region" aria-labelledby="ranking-caption" tabindex="0"><table class="stack">
    <caption id="ranking-caption">Bảng xếp hạng</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Hạng</th><th scope="col" class="num">Điểm</th><th scope="col">Ghi chú</th></tr></thead>
    <tbody>{{#ROW}}<tr><th scope="row">{{UNIT}}</th><td data-label="Hạng">{{RANK}}</td><td class="num" data-label="Điểm">{{TOTAL}}</td><td data-label="Ghi chú">{{NOTE}}</td></tr>{{/ROW}}</tbody>
  </table></div>
  {{/RESULT}}
</section>
