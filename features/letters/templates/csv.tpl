{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>Lập nhiều thư từ tệp CSV</h1>
  <p class="lead">Mỗi dòng của tệp là một thư, lập thành bản nháp theo mẫu của đơn vị. Nếu có dòng sai, không thư nào được lập và trang báo rõ dòng sai.</p>
  <p>Dòng đầu của tệp: <code>type,recipient_name,recipient_address,recipient_phone,occasion,event_date</code> (có thể thêm cột <code>channel</code>). Loại thư (<code>type</code>): marriage, birth, longevity, new_house, achievement, other, condolence, thanks, apology. Ngày dạng 17/02/2026. Nhiều nhất 1.000 dòng.</p>
  <form method="post" action="/thu/nhap-csv" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị gửi thư</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-invalid="true" aria-describedby="unit_code-error"{{/UNIT_CODE_INVALID}}>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#FILE_INVALID}} field-invalid{{/FILE_INVALID}}">
      <label for="file">Tệp CSV (UTF-8)</label>
      {{#FILE_INVALID}}<p class="field-error" id="file-error"><span class="visually-hidden">Lỗi: </span>{{FILE_ERROR}}</p>{{/FILE_INVALID}}
      <input id="file" name="file" type="file" accept=".csv,text/csv"{{#FILE_INVALID}} aria-invalid="true" aria-describedby="file-error"{{/FILE_INVALID}}>
    </div>
    <div class="actions">
      <button type="submit">Lập các thư</button>
      <a class="button secondary" href="/thu">Hủy</a>
    </div>
  </form>
</section>
