{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/procedures">← Danh mục thủ tục</a></p>
  <h1>Nhập danh mục thủ tục từ tệp</h1>
  <p>Chọn tệp bảng tính đã lưu dạng CSV (mã UTF-8), hoặc dán nội dung của tệp, rồi bấm <strong>Xem trước</strong> để
     xem những gì sẽ thay đổi và mọi lỗi, theo dòng và cột. Chưa có gì được ghi cho đến khi bạn xác nhận; nếu còn một dòng
     sai thì không dòng nào được ghi.</p>
  {{#HAS_NOTICE}}<div class="alert"><p>{{NOTICE}}</p></div>{{/HAS_NOTICE}}
  {{#REPORT}}
  <h2 id="preview-heading">Kết quả xem trước</h2>
  {{#COUNTS}}<p>Thêm mới {{CREATED}}, cập nhật {{UPDATED}}, không đổi {{UNCHANGED}} thủ tục.</p>{{/COUNTS}}
  {{#NOTHING_TO_DO}}<p class="notice">Không có thủ tục nào cần thêm hay sửa: danh mục đã giống hệt tệp.</p>{{/NOTHING_TO_DO}}
  {{#PROBLEMS}}<h3 id="problems-heading">Các lỗi ({{COUNT}}): sửa tệp rồi xem trước lại</h3>
  <div class="table-wrap" id="problems" role="region" aria-labelledby="problems-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Các lỗi theo dòng và cột</caption>
    <thead><tr><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Lỗi</th></tr></thead>
    <tbody>{{#PROBLEM}}<tr><td>Dòng {{LINE}}</td><td data-label="Cột"><code>{{COLUMN}}</code></td><td data-label="Lỗi">{{MESSAGE}}</td></tr>{{/PROBLEM}}</tbody>
  </table></div>{{/PROBLEMS}}
  {{#HAS_ROWS}}<h3 id="rows-heading">Các dòng không có lỗi</h3>
  <div class="table-wrap" role="region" aria-labelledby="rows-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Các dòng không có lỗi và thay đổi của từng dòng</caption>
    <thead><tr><th scope="col">Dòng</th><th scope="col">Thủ tục</th><th scope="col">Đơn vị</th><th scope="col">Thay đổi</th></tr></thead>
    <tbody>{{#ROW}}<tr><td>Dòng {{LINE}}</td><td data-label="Thủ tục">{{NAME}} <small>({{CODE}})</small></td><td data-label="Đơn vị">{{UNIT_CODE}}</td>
      <td data-label="Thay đổi">{{WHAT}}{{#HAS_CHANGED}}: {{CHANGED}}{{/HAS_CHANGED}}</td></tr>{{/ROW}}</tbody>
  </table></div>{{/HAS_ROWS}}
  {{/REPORT}}
  <form method="post" action="/desk/procedures/import" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="file">Tệp CSV</label>
      <p class="hint" id="file-hint">Ví dụ thu-tuc-hanh-chinh.csv. Khi đã chọn tệp, nội dung dán bên dưới không được dùng.</p>
      <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint">
    </div>
    <div class="field{{#CSV_INVALID}} field-invalid{{/CSV_INVALID}}">
      <label for="csv">Hoặc dán nội dung tệp</label>
      <p class="hint" id="csv-hint">Nội dung đã xem trước hiện ở đây; có thể sửa rồi xem trước lại.</p>
      {{#CSV_INVALID}}<p class="field-error" id="csv-error"><span class="visually-hidden">Lỗi: </span>{{CSV_ERROR}}</p>{{/CSV_INVALID}}
      <textarea id="csv" name="csv" rows="10" spellcheck="false" aria-describedby="csv-hint{{#CSV_INVALID}} csv-error{{/CSV_INVALID}}"{{#CSV_INVALID}} aria-invalid="true"{{/CSV_INVALID}}>{{CSV:pre_escape}}</textarea>
    </div>
    {{#CONFIRM}}<input type="hidden" name="digest" value="{{DIGEST}}">{{/CONFIRM}}
    <div class="actions">
      {{#CONFIRM}}<button type="submit" name="action" value="confirm">Ghi vào danh mục: thêm {{CREATED}}, cập nhật {{UPDATED}} thủ tục</button>{{/CONFIRM}}
      <button type="submit" name="action" value="preview"{{#CONFIRM}} class="secondary"{{/CONFIRM}}>Xem trước</button>
    </div>
  </form>
  <h2>Cách lập tệp</h2>
  <p>Mỗi dòng là một thủ tục: thủ tục chưa có trong danh mục của đơn vị thì được thêm, thủ tục đã có (cùng đơn vị, cùng mã)
     thì được cập nhật thành một phiên bản mới, dòng không có gì thay đổi thì được để nguyên. Tệp tối đa 1 MB và 2.000 dòng.</p>
  <p>Cách dễ nhất: <a href="/desk/procedures.csv">tải danh mục hiện có về máy</a>, sửa trong bảng tính rồi nhập lại.</p>
  <details>
    <summary>Các cột của tệp</summary>
    <p>Dòng đầu tiên là tên các cột: <code>{{COLUMNS}}</code>. Bắt buộc có <code>unit_code</code> và <code>code</code>;
       cột nào không có thì thủ tục đã có giữ nguyên nội dung của cột đó. Dòng thứ mấy trong thông báo lỗi là dòng trong bảng tính
       (dòng tên cột là dòng 1).</p>
    <dl class="summary">
      <div><dt>unit_code</dt><dd>mã đơn vị có danh mục chứa thủ tục, ví dụ 75</dd></div>
      <div><dt>code</dt><dd>mã thủ tục, ví dụ 1.001193 (nên định dạng cột là văn bản để bảng tính không bỏ số 0 ở cuối)</dd></div>
      <div><dt>name, field</dt><dd>tên thủ tục và lĩnh vực</dd></div>
      <div><dt>level</dt><dd>cấp thực hiện: <code>commune</code> xã, <code>district</code> huyện, <code>province</code> tỉnh, <code>central</code> trung ương</dd></div>
      <div><dt>limit_unit, limit_amount</dt><dd>thời hạn: <code>days</code> ngày làm việc, <code>hours</code> giờ làm việc hoặc <code>same_day</code> trong ngày; và số ngày hoặc số giờ (0 với trong ngày)</dd></div>
      <div><dt>cutoff</dt><dd>giờ tiếp nhận muộn nhất, ví dụ 15:00</dd></div>
      <div><dt>online_level</dt><dd>dịch vụ công trực tuyến: 0 chưa có, 1 một phần, 2 toàn trình</dd></div>
      <div><dt>fees, result, legal_basis</dt><dd>phí, lệ phí; kết quả; căn cứ pháp lý (có thể nhiều dòng)</dd></div>
      <div><dt>documents</dt><dd>thành phần hồ sơ trong một ô: mỗi giấy tờ ghi <code>tên|loại bản|số lượng</code>, các giấy tờ cách nhau bằng dấu chấm phẩy, ví dụ <code>Tờ khai|original|1; Căn cước|copy|1</code>. Loại bản: <code>original</code> (bản chính), <code>copy</code> (bản sao), <code>certified_copy</code> (bản sao chứng thực); bỏ trống là bản chính, số lượng bỏ trống là 1</dd></div>
      <div><dt>steps</dt><dd>quy trình trong một ô: mỗi bước ghi <code>tên bước|người thực hiện|số giờ làm việc</code>, ví dụ <code>Tiếp nhận|Bộ phận một cửa|4; Ký duyệt|Chủ tịch UBND|8</code></dd></div>
      <div><dt>valid_from, valid_to</dt><dd>ngày bắt đầu và hết hiệu lực, ví dụ 01/07/2025 (để trống ngày hết hiệu lực nếu chưa có)</dd></div>
      <div><dt>active</dt><dd><code>true</code> đang áp dụng, <code>false</code> ngừng áp dụng</dd></div>
    </dl>
    <p>Trong tên có dấu <code>;</code> hoặc <code>|</code> thì ghi <code>\;</code> hoặc <code>\|</code>.</p>
  </details>
</section>
