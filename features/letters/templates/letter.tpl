{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back no-print"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1 class="no-print">{{HEADING}}</h1>
  <dl class="summary no-print">
    <div><dt>Số thư</dt><dd>{{NUMBER}}</dd></div>
    <div><dt>Loại thư</dt><dd>{{TYPE}}</dd></div>
    <div><dt>Trạng thái</dt><dd id="letter-state">{{STATE}}</dd></div>
    <div><dt>Người nhận</dt><dd>{{RECIPIENT}}</dd></div>
    <div><dt>Địa chỉ</dt><dd>{{ADDRESS}}</dd></div>
    <div><dt>Số điện thoại</dt><dd>{{PHONE}}</dd></div>
    <div><dt>Dịp gửi thư</dt><dd>{{OCCASION}}</dd></div>
    <div><dt>Ngày diễn ra sự kiện</dt><dd>{{EVENT_DATE}}</dd></div>
    <div><dt>Hồ sơ liên quan</dt><dd>{{#HAS_DOSSIER}}<a href="{{DOSSIER_URL}}">{{DOSSIER}}</a>{{/HAS_DOSSIER}}{{#NO_DOSSIER}}{{DOSSIER}}{{/NO_DOSSIER}}</dd></div>
    <div><dt>Đơn vị</dt><dd>{{UNIT}}</dd></div>
    <div><dt>Nguồn</dt><dd>{{SOURCE}}</dd></div>
    <div><dt>Cách gửi</dt><dd>{{CHANNEL}}</dd></div>
    <div><dt>Ngày lập</dt><dd>{{CREATED}}</dd></div>
    <div><dt>Ngày ký</dt><dd>{{ISSUED}}</dd></div>
    <div><dt>Ngày in</dt><dd>{{PRINTED}}</dd></div>
    <div><dt>Ngày gửi</dt><dd>{{DELIVERED}}</dd></div>
  </dl>
  <p class="actions no-print"><a class="button" href="{{PDF_URL}}" id="letter-pdf">Mở tệp PDF để in (in hai mặt)</a> <a class="button secondary" href="{{PDF_URL}}" data-print>In trang này</a></p>
  <div class="no-print">
  {{#CAN_EDIT}}<p><a class="button secondary" href="{{EDIT_URL}}" id="letter-edit">Sửa nội dung bản nháp</a></p>{{/CAN_EDIT}}
  {{#CAN_ISSUE}}<form method="post" action="/thu/{{ID}}/issue" class="inline-form" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit">Ký ban hành</button>
  </form>{{/CAN_ISSUE}}
  {{#CAN_PRINTED}}<form method="post" action="/thu/{{ID}}/printed" class="inline-form" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit" class="secondary">Ghi nhận đã in</button>
  </form>{{/CAN_PRINTED}}
  {{#CAN_DELIVER}}<form method="post" action="/thu/{{ID}}/delivered" class="inline-form" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="channel">Cách gửi</label>
      <select id="channel" name="channel">{{#CHANNEL_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}</select>
    </div>
    <button type="submit" class="secondary">Ghi nhận đã gửi</button>
  </form>{{/CAN_DELIVER}}
  {{#CAN_CANCEL}}<form method="post" action="/thu/{{ID}}/cancel" class="inline-form" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit" class="secondary">Hủy thư</button>
  </form>{{/CAN_CANCEL}}
  </div>
  <h2 class="no-print">Bản xem trước để in</h2>
  {{>SHEET}}
</section>
