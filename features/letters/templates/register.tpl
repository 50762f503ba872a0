{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Sổ theo dõi thư</h1>
  <p class="lead">Thư chúc mừng, chia buồn, cảm ơn và xin lỗi của đơn vị, gồm cả các đơn vị trực thuộc. Khi hồ sơ đăng ký kết hôn, khai sinh, khai tử được tiếp nhận hoặc trả kết quả, hệ thống tự lập bản nháp thư tương ứng để lãnh đạo xem, ký và in.</p>
  <p class="actions"><a class="button" href="/thu/moi">Lập thư mới</a> <a class="button secondary" href="/thu/nhap-csv">Lập nhiều thư từ tệp CSV</a> <a class="button secondary" href="/thu/mau">Mẫu thư</a> <a class="button secondary" href="/thu/thong-ke">Thống kê số thư</a> <a class="button secondary" href="/thu/cai-dat">Người ký thư</a> <a class="button secondary" href="/thu/khong-gui">Danh sách không gửi thư</a> <a class="button secondary" href="/thu/thu-tuc">Thủ tục tự lập thư</a></p>
  <form method="get" action="/thu" class="stats-filters" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-error"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#TYPE_INVALID}} field-invalid{{/TYPE_INVALID}}">
      <label for="type">Loại thư</label>
      {{#TYPE_INVALID}}<p class="field-error" id="type-error"><span class="visually-hidden">Lỗi: </span>{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
      <select id="type" name="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_INVALID}}><option value="">Tất cả loại thư</option>{{#TYPE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
    </div>
    <div class="field{{#STATE_INVALID}} field-invalid{{/STATE_INVALID}}">
      <label for="state">Trạng thái</label>
      {{#STATE_INVALID}}<p class="field-error" id="state-error"><span class="visually-hidden">Lỗi: </span>{{STATE_ERROR}}</p>{{/STATE_INVALID}}
      <select id="state" name="state"{{#STATE_INVALID}} aria-invalid="true" aria-describedby="state-error"{{/STATE_INVALID}}><option value="">Tất cả trạng thái</option>{{#STATE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p>Chưa có thư nào phù hợp.</p>{{/EMPTY}}
  {{#HAS_LETTERS}}<form method="post" action="/thu/in" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#IDS_INVALID}}<p class="field-error" id="ids-error"><span class="visually-hidden">Lỗi: </span>{{IDS_ERROR}}</p>{{/IDS_INVALID}}
    <div class="table-wrap" role="region" aria-labelledby="letters-caption" tabindex="0" id="ids"><table class="stack letters">
      <caption id="letters-caption">Các thư, mới nhất trước. Chọn thư rồi bấm “In các thư đã chọn” để in thành một tệp PDF (in hai mặt).</caption>
      <thead><tr><th scope="col">Chọn</th><th scope="col">Số</th><th scope="col">Loại thư</th><th scope="col">Người nhận</th><th scope="col">Dịp gửi thư</th><th scope="col">Mã hồ sơ</th><th scope="col">Trạng thái</th><th scope="col">Ngày lập</th><th scope="col">Ngày ký</th></tr></thead>
      <tbody>{{#LETTER}}<tr><td><input type="checkbox" name="id" value="{{ID}}" id="pick-{{ID}}" aria-label="Chọn thư gửi {{RECIPIENT}}"></td><td data-label="Số"><a href="{{URL}}">{{NUMBER}}</a></td><td data-label="Loại thư"><a href="{{URL}}">{{TYPE}}</a></td><td data-label="Người nhận">{{RECIPIENT}}</td><td data-label="Dịp gửi thư">{{OCCASION}}</td><td data-label="Mã hồ sơ">{{DOSSIER}}</td><td data-label="Trạng thái">{{STATE}}</td><td data-label="Ngày lập" class="when">{{CREATED}}</td><td data-label="Ngày ký" class="when">{{ISSUED}}</td></tr>{{/LETTER}}</tbody>
    </table></div>
    <div class="actions"><button type="submit">In các thư đã chọn</button></div>
  </form>{{/HAS_LETTERS}}
  {{#HAS_NEXT}}<p><a href="{{NEXT_URL}}">Xem các thư cũ hơn</a></p>{{/HAS_NEXT}}
</section>
