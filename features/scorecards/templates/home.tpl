{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Chấm điểm</h1>
  <p class="lead">Xã, phường tự chấm điểm theo bộ tiêu chí kèm giải trình; cấp trên thẩm định từng tiêu chí, trả lại để bổ sung hoặc chốt điểm. Điểm tính từ số liệu (tỷ lệ đúng hạn, mức độ hài lòng…) được lấy tự động.</p>
  <ul class="plain">
    <li><a href="/cham-diem/xep-hang">Xem xếp hạng các đơn vị</a></li>
    <li><a href="/cham-diem/cong-nhan">Xem danh sách đơn vị đạt chuẩn, tải phụ lục quyết định công nhận</a></li>
    <li><a href="/cham-diem/so-sanh">So sánh điểm của đơn vị qua các kỳ và với các đơn vị cùng cấp</a></li>
    <li><a href="/cham-diem/cam-ket">Cam kết thi đua của năm và tình hình thực hiện</a></li>
  </ul>

  <h2 id="assessments-title">Bản đánh giá</h2>
  {{#NO_ASSESSMENT}}<p id="no-assessment">Chưa có bản đánh giá nào.</p>{{/NO_ASSESSMENT}}
  {{#HAS_ASSESSMENTS}}<div class="table-wrap" role="region" aria-labelledby="assessments-caption" tabindex="0"><table class="stack">
    <caption id="assessments-caption" class="visually-hidden">Các bản đánh giá</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Bộ tiêu chí</th><th scope="col">Kỳ đánh giá</th><th scope="col">Bước</th><th scope="col" class="num">Điểm chốt</th></tr></thead>
    <tbody>{{#ASSESSMENT}}<tr><th scope="row"><a href="/cham-diem/danh-gia/{{ID}}">{{UNIT}}</a></th><td data-label="Bộ tiêu chí">{{SET}}</td><td data-label="Kỳ đánh giá">{{PERIOD}}</td><td data-label="Bước">{{STATE}}</td><td class="num" data-label="Điểm chốt">{{TOTAL}}</td></tr>{{/ASSESSMENT}}</tbody>
  </table></div>{{/HAS_ASSESSMENTS}}

  {{#OPEN}}<h2>Mở bản đánh giá</h2>
  <form method="post" action="/cham-diem" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#SET_INVALID}} field-invalid{{/SET_INVALID}}">
      <label for="set">Bộ tiêu chí</label>
      {{#SET_INVALID}}<p class="field-error" id="set-error"><span class="visually-hidden">Lỗi: </span>{{SET_ERROR}}</p>{{/SET_INVALID}}
      <select id="set" name="set"{{#SET_INVALID}} aria-invalid="true" aria-describedby="set-error"{{/SET_INVALID}}>{{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</select>
    </div>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Mã đơn vị được đánh giá</label>
      <p class="hint" id="unit-hint">Mã xã, phường, ví dụ 25270. Lãnh đạo xã mở bản tự đánh giá của xã mình; cấp tỉnh mở cho các xã trực thuộc.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <input id="unit" name="unit" maxlength="20" inputmode="numeric" value="{{UNIT}}" autocomplete="off" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <button type="submit">Mở bản đánh giá</button>
  </form>{{/OPEN}}

  <h2>Bộ tiêu chí</h2>
  <div class="table-wrap" role="region" aria-labelledby="sets-caption" tabindex="0"><table class="stack">
    <caption id="sets-caption" class="visually-hidden">Các bộ tiêu chí</caption>
    <thead><tr><th scope="col">Tên bộ tiêu chí</th><th scope="col" class="num">Phiên bản</th><th scope="col" class="num">Điểm tối đa</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>{{#SET}}<tr><th scope="row"><a href="/cham-diem/bo-tieu-chi/{{ID}}">{{NAME}}</a></th><td class="num" data-label="Phiên bản">{{VERSION}}</td><td class="num" data-label="Điểm tối đa">{{MAX}}</td><td data-label="Tình trạng">{{STATUS}}</td></tr>{{/SET}}</tbody>
  </table></div>
  {{#MAY_IMPORT}}<p><a href="/cham-diem/nhap-bo-tieu-chi" id="import-link">Nhập bộ tiêu chí từ tệp (JSON hoặc XLSX)</a></p>{{/MAY_IMPORT}}
</section>
