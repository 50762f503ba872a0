{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/ratings">← Đánh giá của người dân</a></p>
  <h1>Máy tính bảng đánh giá</h1>
  <p class="lead">Máy tính bảng đặt tại bàn tiếp nhận hiển thị hồ sơ vừa trả kết quả để người dân đánh giá. Tạo mã ghép nối ở đây, rồi mở địa chỉ <strong>/kiosk</strong> trên máy và nhập mã.</p>
  {{#CREATED}}<div class="banner banner-success" role="status" id="pairing">
    <p>Mã ghép nối cho “{{NAME}}”: <strong class="pairing-code" id="pairing-code">{{CODE}}</strong></p>
    <p>Nhập mã này trên máy tính bảng trước {{EXPIRES}}. Mã chỉ hiện một lần.</p>
  </div>{{/CREATED}}
  <form method="post" action="/desk/ratings/devices" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên máy</label>
      <p class="hint" id="name-hint">Ví dụ: Bàn số 2 – Tư pháp, hộ tịch. Máy sẽ hiển thị hồ sơ do ông/bà trả kết quả.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="80" value="{{NAME}}" autocomplete="off" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <button type="submit">Tạo mã ghép nối</button>
  </form>
  <h2>Các máy đã tạo</h2>
  {{#NO_DEVICES}}<p>Chưa có máy tính bảng nào.</p>{{/NO_DEVICES}}
  {{#HAS_DEVICES}}<div class="table-wrap" role="region" aria-labelledby="devices-caption" tabindex="0"><table class="stack">
    <caption id="devices-caption">Máy tính bảng của đơn vị</caption>
    <thead><tr><th scope="col">Tên máy</th><th scope="col">Cán bộ</th><th scope="col">Tạo lúc</th><th scope="col">Tình trạng</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr></thead>
    <tbody>{{#DEVICE}}<tr><th scope="row">{{NAME}}</th><td data-label="Cán bộ">{{OFFICIAL}}</td><td data-label="Tạo lúc">{{CREATED}}</td><td data-label="Tình trạng">{{STATE}}</td><td data-label="Thao tác">{{#REVOCABLE}}<a href="/desk/ratings/devices/{{ID}}/revoke">Thu hồi<span class="visually-hidden"> máy {{NAME}}</span></a>{{/REVOCABLE}}</td></tr>{{/DEVICE}}</tbody>
  </table></div>{{/HAS_DEVICES}}
</section>
