{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>Cam kết thi đua</h1>
  <p class="lead">Mỗi đơn vị đăng ký chỉ tiêu của năm (tỷ lệ hồ sơ đúng hạn, số hồ sơ trễ hạn, mức độ hài lòng…). Tình hình thực hiện được tính từ số liệu của hệ thống từ đầu năm đến hôm nay.</p>
  <form method="get" action="/cham-diem/cam-ket" class="filter-row" novalidate>
    <input type="hidden" name="unit" value="{{UNIT_QUERY}}">
    <div class="field">
      <label for="filter-year">Năm</label>
      <select id="filter-year" name="year">{{#YEAR_OPTION}}<option value="{{Y}}"{{#SELECTED}} selected{{/SELECTED}}>{{Y}}</option>{{/YEAR_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p id="no-commitments">Chưa có cam kết nào cho năm {{YEAR}}.</p>{{/EMPTY}}
  {{#HAS_ROWS}}<div class="table-wrap" role="region" aria-labelledby="commitments-caption" tabindex="0"><table class="stack" id="commitments">
    <caption id="commitments-caption">Cam kết năm {{YEAR}} và tình hình thực hiện</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Chỉ tiêu</th><th scope="col">Cam kết</th><th scope="col">Đến nay</th><th scope="col">Tình hình</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr></thead>
    <tbody>{{#ROW}}<tr><th scope="row">{{UNIT}}</th><td data-label="Chỉ tiêu">{{INDICATOR}}{{#HAS_NOTE}}<br><small>{{NOTE}}</small>{{/HAS_NOTE}}</td><td data-label="Cam kết">{{TARGET}}</td><td data-label="Đến nay">{{VALUE}}</td><td data-label="Tình hình"><strong>{{STATUS}}</strong></td><td{{#MAY_WITHDRAW}} data-label="Thao tác"{{/MAY_WITHDRAW}}>{{#MAY_WITHDRAW}}<form method="post" action="/cham-diem/cam-ket/{{ID}}/rut"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="year" value="{{YEAR}}"><button type="submit" class="secondary" aria-label="Rút cam kết: {{INDICATOR}}">Rút cam kết</button></form>{{/MAY_WITHDRAW}}</td></tr>{{/ROW}}</tbody>
  </table></div>{{/HAS_ROWS}}
  {{#FORM}}<h2 id="commit-title">Đăng ký cam kết</h2>
  <form method="post" action="/cham-diem/cam-ket" novalidate aria-labelledby="commit-title">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="unit" value="{{FORM_UNIT}}">
    <div class="field{{#INDICATOR_INVALID}} field-invalid{{/INDICATOR_INVALID}}">
      <label for="indicator">Chỉ tiêu</label>
      {{#INDICATOR_INVALID}}<p class="field-error" id="indicator-error"><span class="visually-hidden">Lỗi: </span>{{INDICATOR_ERROR}}</p>{{/INDICATOR_INVALID}}
      <select id="indicator" name="indicator"{{#INDICATOR_INVALID}} aria-invalid="true" aria-describedby="indicator-error"{{/INDICATOR_INVALID}}>{{#INDICATOR_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/INDICATOR_OPTION}}</select>
    </div>
    <div class="field{{#YEAR_INVALID}} field-invalid{{/YEAR_INVALID}}">
      <label for="year">Năm cam kết</label>
      {{#YEAR_INVALID}}<p class="field-error" id="year-error"><span class="visually-hidden">Lỗi: </span>{{YEAR_ERROR}}</p>{{/YEAR_INVALID}}
      <input id="year" name="year" inputmode="numeric" maxlength="4" value="{{FORM_YEAR}}"{{#YEAR_INVALID}} aria-invalid="true" aria-describedby="year-error"{{/YEAR_INVALID}}>
    </div>
    <div class="field{{#TARGET_INVALID}} field-invalid{{/TARGET_INVALID}}">
      <label for="target">Mức cam kết</label>
      <p class="hint" id="target-hint">Với tỷ lệ: số phần trăm phải đạt, ví dụ 98 hoặc 97,5. Với số hồ sơ trễ hạn, số văn bản xin lỗi: số tối đa. Với số thư đã gửi: số tối thiểu.</p>
      {{#TARGET_INVALID}}<p class="field-error" id="target-error"><span class="visually-hidden">Lỗi: </span>{{TARGET_ERROR}}</p>{{/TARGET_INVALID}}
      <input id="target" name="target" inputmode="decimal" maxlength="12" value="{{TARGET_VALUE}}" aria-describedby="target-hint{{#TARGET_INVALID}} target-error{{/TARGET_INVALID}}"{{#TARGET_INVALID}} aria-invalid="true"{{/TARGET_INVALID}}>
    </div>
    <div class="field{{#NOTE_INVALID}} field-invalid{{/NOTE_INVALID}}">
      <label for="note">Giải pháp thực hiện (không bắt buộc)</label>
      {{#NOTE_INVALID}}<p class="field-error" id="note-error"><span class="visually-hidden">Lỗi: </span>{{NOTE_ERROR}}</p>{{/NOTE_INVALID}}
      <textarea id="note" name="note" rows="2" maxlength="500"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-error"{{/NOTE_INVALID}}>{{NOTE_VALUE}}</textarea>
    </div>
    <button type="submit">Đăng ký cam kết</button>
  </form>{{/FORM}}
</section>
