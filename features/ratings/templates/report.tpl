{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Đánh giá của người dân</h1>
  <p class="lead">Số lượt đánh giá và tỷ lệ hài lòng (rất hài lòng và hài lòng) của đơn vị và các đơn vị trực thuộc, kèm khoảng tin cậy 95%. Số liệu được cộng ngay khi người dân gửi đánh giá.</p>
  <p class="actions"><a href="/desk/ratings/invite">Mời đánh giá một hồ sơ</a> · <a href="/desk/ratings/devices">Máy tính bảng</a> · <a href="/desk/ratings/cards">Thẻ mã QR</a> · <a href="/desk/ratings/review">Đánh giá cần xem xét</a> · <a href="/desk/ratings/settings">Cài đặt đánh giá</a></p>
  <form method="get" action="/desk/ratings" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    {{>FROM}}
    {{>TO}}
    <div class="field{{#BY_INVALID}} field-invalid{{/BY_INVALID}}">
      <label for="by">Nhóm theo</label>
      {{#BY_INVALID}}<p class="field-error" id="by-error"><span class="visually-hidden">Lỗi: </span>{{BY_ERROR}}</p>{{/BY_INVALID}}
      <select id="by" name="by">{{#BY_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/BY_OPTION}}</select>
    </div>
    <div class="field">
      <label for="min">Số lượt tối thiểu để so sánh</label>
      <input id="min" name="min" inputmode="numeric" maxlength="6" size="6" value="{{MIN}}">
    </div>
    <button type="submit">Xem báo cáo</button>
  </form>
  {{#HAS_REPORT}}<h2>{{HEADING}}</h2>
  <figure class="chart-figure">{{CHART:none}}</figure>
  <div class="table-wrap" role="region" aria-labelledby="ratings-caption" tabindex="0"><table class="stack" id="ratings-table">
    <caption id="ratings-caption">Số lượt theo mức hài lòng; dưới {{MINIMUM}} lượt là quá ít câu trả lời để so sánh</caption>
    <thead><tr><th scope="col">Nhóm</th><th scope="col" class="num">Số lượt</th><th scope="col" class="num">Rất hài lòng</th><th scope="col" class="num">Hài lòng</th><th scope="col" class="num">Bình thường</th><th scope="col" class="num">Chưa hài lòng</th><th scope="col" class="num">Không hài lòng</th><th scope="col">Tỷ lệ hài lòng (khoảng tin cậy 95%)</th></tr></thead>
    <tbody>{{#LINE}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số lượt">{{TOTAL}}</td><td class="num" data-label="Rất hài lòng">{{N0}}</td><td class="num" data-label="Hài lòng">{{N1}}</td><td class="num" data-label="Bình thường">{{N2}}</td><td class="num" data-label="Chưa hài lòng">{{N3}}</td><td class="num" data-label="Không hài lòng">{{N4}}</td><td data-label="Tỷ lệ hài lòng">{{#HAS_SHARE}}{{SHARE}} ({{LOW}} – {{HIGH}}){{#TOO_FEW}} <span class="badge">quá ít câu trả lời</span>{{/TOO_FEW}}{{/HAS_SHARE}}{{#NO_SHARE}}—{{/NO_SHARE}}</td></tr>{{/LINE}}</tbody>
    <tfoot>{{#TOTAL_LINE}}<tr><th scope="row">Tổng cộng</th><td class="num" data-label="Số lượt" id="ratings-total">{{TOTAL}}</td><td class="num" data-label="Rất hài lòng">{{N0}}</td><td class="num" data-label="Hài lòng">{{N1}}</td><td class="num" data-label="Bình thường">{{N2}}</td><td class="num" data-label="Chưa hài lòng">{{N3}}</td><td class="num" data-label="Không hài lòng">{{N4}}</td><td data-label="Tỷ lệ hài lòng">{{#HAS_SHARE}}{{SHARE}} ({{LOW}} – {{HIGH}}){{#TOO_FEW}} <span class="badge">quá ít câu trả lời</span>{{/TOO_FEW}}{{/HAS_SHARE}}{{#NO_SHARE}}—{{/NO_SHARE}}</td></tr>{{/TOTAL_LINE}}</tfoot>
  </table></div>
  <div class="table-wrap" role="region" aria-labelledby="reasons-caption" tabindex="0"><table class="stack">
    <caption id="reasons-caption">Lý do chưa hài lòng (một lượt có thể nêu nhiều lý do)</caption>
    <thead><tr><th scope="col">Lý do</th><th scope="col" class="num">Số lượt</th></tr></thead>
    <tbody>{{#REASON_LINE}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số lượt">{{N}}</td></tr>{{/REASON_LINE}}</tbody>
  </table></div>
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a> <a class="button secondary" href="{{CSV_URL}}" download>Tải tệp CSV</a></p>{{/HAS_REPORT}}
</section>
