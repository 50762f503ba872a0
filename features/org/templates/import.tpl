{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/units">← Danh sách đơn vị</a></p>
  <h1>Nhập danh sách đơn vị từ tệp</h1>
  <p>Dán nội dung tệp bảng tính đã lưu dạng CSV (mã UTF-8). Mỗi dòng là một đơn vị; đơn vị cấp trên đứng trước đơn vị trực thuộc.
     Đơn vị đã có (cùng mã) được cập nhật. Nếu có một dòng sai, không dòng nào được ghi và hệ thống chỉ ra dòng sai.</p>
  <p>Dòng đầu tiên giữ nguyên như sau: <code>code,name,level,parent_code,valid_from,valid_to,successor_code</code>. Các cột lần lượt là:</p>
  <dl class="summary">
    <div><dt>code</dt><dd>mã đơn vị, ví dụ 25270</dd></div>
    <div><dt>name</dt><dd>tên đơn vị, ví dụ Xã Tân Hưng</dd></div>
    <div><dt>level</dt><dd>cấp: <code>province</code> tỉnh, thành phố; <code>district</code> huyện (cấp cũ); <code>commune</code> xã; <code>ward</code> phường; <code>township</code> thị trấn (cấp cũ); <code>special_zone</code> đặc khu</dd></div>
    <div><dt>parent_code</dt><dd>mã đơn vị cấp trên (để trống với cấp tỉnh)</dd></div>
    <div><dt>valid_from, valid_to</dt><dd>ngày bắt đầu và hết hiệu lực, ví dụ 01/07/2025 (để trống ngày hết hiệu lực nếu đơn vị còn hiệu lực)</dd></div>
    <div><dt>successor_code</dt><dd>mã đơn vị được sáp nhập vào (có thể để trống)</dd></div>
  </dl>
  <form method="post" action="/units/import" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#CSV_INVALID}} field-invalid{{/CSV_INVALID}}">
      <label for="csv">Nội dung tệp</label>
      {{#CSV_INVALID}}<p class="field-error" id="csv-error"><span class="visually-hidden">Lỗi: </span>{{CSV_ERROR}}</p>{{/CSV_INVALID}}
      <textarea id="csv" name="csv" rows="12"{{#CSV_INVALID}} aria-invalid="true" aria-describedby="csv-error"{{/CSV_INVALID}}>{{CSV}}</textarea>
    </div>
    <button type="submit">Nhập danh sách</button>
  </form>
</section>
