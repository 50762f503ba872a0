{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>So sánh qua các kỳ</h1>
  <form method="get" action="/cham-diem/so-sanh" class="filter-row" novalidate>
    <div class="field">
      <label for="set">Bộ tiêu chí</label>
      <select id="set" name="set">{{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</select>
    </div>
    {{#HAS_UNITS}}<div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT_OPTION}}</select>
    </div>{{/HAS_UNITS}}
    <button type="submit">Xem</button>
  </form>
  {{#RESULT}}
  <p class="lead">{{UNIT}} · {{SET}}. Mỗi kỳ là một bản đánh giá đã chốt điểm; “cùng cấp” là các đơn vị cùng cấp thuộc cùng đơn vị cấp trên đã chốt điểm trong kỳ đó (chỉ nêu số liệu, không nêu tên).</p>
  {{#NO_POINTS}}<p id="no-points">Đơn vị chưa có bản đánh giá nào được chốt điểm theo bộ tiêu chí này.</p>{{/NO_POINTS}}
  {{#HAS_POINTS}}
  <p class="hint" id="chart-legend">Thanh: điểm chốt của đơn vị; vạch đậm: điểm bình quân của các đơn vị cùng cấp trong kỳ.</p>
  {{CHART:none}}
  <div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex="0"><table class="stack" id="history">
    <caption id="history-caption">Điểm qua các kỳ</caption>
    <thead><tr><th scope="col">Kỳ đánh giá</th><th scope="col" class="num">Điểm</th><th scope="col" class="num">So với kỳ trước</th><th scope="col">Hạng cùng cấp</th><th scope="col" class="num">Bình quân cùng cấp</th><th scope="col" class="num">Cao nhất cùng cấp</th><th scope="col">Công nhận</th></tr></thead>
    <tbody>{{#ROW}}<tr><th scope="row"><a href="/cham-diem/danh-gia/{{ID}}">{{PERIOD}}</a>{{#NEW_VERSION}}<br><small>Bộ tiêu chí phiên bản {{VERSION}}</small>{{/NEW_VERSION}}</th><td class="num" data-label="Điểm">{{TOTAL}} / {{MAX}}</td><td class="num" data-label="So với kỳ trước">{{CHANGE}}</td><td data-label="Hạng cùng cấp">{{RANK}}</td><td class="num" data-label="Bình quân cùng cấp">{{MEAN}}</td><td class="num" data-label="Cao nhất cùng cấp">{{BEST}}</td><td data-label="Công nhận">{{RECOGNISED}}</td></tr>{{/ROW}}</tbody>
  </table></div>
  {{/HAS_POINTS}}
  {{/RESULT}}
</section>
