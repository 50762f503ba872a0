{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>{{NAME}}</h1>
  <p class="lead">Phiên bản {{VERSION}} · tối đa {{MAX}} điểm.</p>
  {{#SAMPLE}}<p class="notice" id="sample">Đây là bộ mẫu: tỉnh điều chỉnh nội dung và điểm trước khi dùng.</p>{{/SAMPLE}}
  {{#FROZEN}}<p class="notice" id="frozen">Phiên bản này đã được dùng để đánh giá nên không sửa được; thay đổi sẽ là một phiên bản mới.</p>{{/FROZEN}}
  <p>{{DESCRIPTION}}</p>
  <ul class="plain" id="set-downloads">
    <li><a href="/cham-diem/bo-tieu-chi/{{ID}}/bo-tieu-chi.xlsx">Tải bảng tính các tiêu chí (XLSX) để đọc, in, góp ý hoặc sửa rồi nhập lại</a></li>
    <li><a href="/cham-diem/bo-tieu-chi/{{ID}}/bo-tieu-chi.json">Tải tệp JSON của bộ tiêu chí (để nhập thành bộ mới hoặc qua API)</a></li>
  </ul>
  {{#MAY_EDIT}}<p class="notice" id="editable">Phiên bản này chưa được dùng để đánh giá nên sửa được: sửa từng tiêu chí trong bảng dưới, hoặc nhập lại cả bảng tính.</p>
  <ul class="plain" id="edit-links">
    <li><a href="/cham-diem/bo-tieu-chi/{{ID}}/thong-tin">Sửa tên, mô tả và điều kiện công nhận</a></li>
    {{#MAY_ADD_TOP}}<li><a href="/cham-diem/bo-tieu-chi/{{ID}}/dong">Thêm tiêu chí lớn</a></li>{{/MAY_ADD_TOP}}
  </ul>
  <h2 id="sheet-title">Nhập lại bảng tính</h2>
  <form method="post" action="/cham-diem/bo-tieu-chi/{{ID}}/bang-tinh" enctype="multipart/form-data" novalidate aria-labelledby="sheet-title">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#FILE_INVALID}} field-invalid{{/FILE_INVALID}}">
      <label for="file">Bảng tính các tiêu chí (.xlsx)</label>
      <p class="hint" id="file-hint">Tải bảng tính ở trên, sửa trong Excel hoặc LibreOffice (mỗi dòng một tiêu chí, giữ nguyên dòng tiêu đề cột), rồi chọn tệp ở đây. Mọi tiêu chí của phiên bản này được thay bằng các dòng của bảng tính. Tối đa 2 MB.</p>
      {{#FILE_INVALID}}<p class="field-error" id="file-error"><span class="visually-hidden">Lỗi: </span>{{FILE_ERROR}}</p>{{/FILE_INVALID}}
      <input type="file" id="file" name="file" accept=".xlsx" aria-describedby="file-hint{{#FILE_INVALID}} file-error{{/FILE_INVALID}}"{{#FILE_INVALID}} aria-invalid="true"{{/FILE_INVALID}}>
    </div>
    <button type="submit" class="secondary">Nhập bảng tính</button>
  </form>{{/MAY_EDIT}}
  {{#VERSION_FORM}}<h2 id="version-title">Sửa bộ tiêu chí</h2>
  <form method="post" action="/cham-diem/bo-tieu-chi/{{ID}}/phien-ban-moi" novalidate aria-labelledby="version-title">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <p>Phiên bản này không sửa trực tiếp được. Tạo một bản sao thành phiên bản mới của đơn vị bạn quản trị, rồi sửa bản sao; các đánh giá đã dùng phiên bản cũ giữ nguyên.</p>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị sở hữu phiên bản mới</label>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-error"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#CODE_INVALID}} field-invalid{{/CODE_INVALID}}">
      <label for="code">Mã bộ tiêu chí</label>
      <p class="hint" id="code-hint">Giữ mã cũ để tạo phiên bản tiếp theo của cùng bộ; đặt mã khác (chữ thường không dấu, chữ số, gạch ngang) để tạo bộ mới từ bản sao.</p>
      {{#CODE_INVALID}}<p class="field-error" id="code-error"><span class="visually-hidden">Lỗi: </span>{{CODE_ERROR}}</p>{{/CODE_INVALID}}
      <input id="code" name="code" value="{{CODE_VALUE}}" maxlength="30" autocomplete="off" aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    </div>
    <button type="submit" class="secondary">Tạo phiên bản mới để sửa</button>
  </form>{{/VERSION_FORM}}
  <h2>Điều kiện công nhận</h2>
  <p id="rule">{{RULE}}</p>
  {{#HAS_DQ}}<p>Không công nhận khi có một trong các trường hợp:</p>
  <ul>{{#DISQUALIFIER}}<li>{{TITLE}}</li>{{/DISQUALIFIER}}</ul>{{/HAS_DQ}}
  <p>Tiêu chí tính từ số liệu chỉ được chấm khi có từ {{MIN_VOLUME}} hồ sơ hoặc lượt đánh giá trở lên trong kỳ.</p>
  <div class="table-wrap" role="region" aria-labelledby="tree-caption" tabindex="0"><table class="stack">
    <caption id="tree-caption">Các tiêu chí và tiêu chí thành phần</caption>
    <thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm tối đa</th><th scope="col">Cách chấm</th><th scope="col">Tài liệu kiểm chứng</th>{{#MAY_EDIT}}<th scope="col">Sửa</th>{{/MAY_EDIT}}</tr></thead>
    <tbody>{{#ROW}}<tr class="depth-{{DEPTH}}"><th scope="row">{{#GROUP}}<strong>{{KEY}}. {{TITLE}}</strong>{{/GROUP}}{{#LEAF}}{{KEY}}. {{TITLE}}{{#HAS_GUIDANCE}}<br><span class="hint">{{GUIDANCE}}</span>{{/HAS_GUIDANCE}}{{/LEAF}}</th><td class="num" data-label="Điểm tối đa">{{MAX}}</td><td data-label="Cách chấm">{{METHOD}}</td><td data-label="Tài liệu kiểm chứng">{{#HAS_EVIDENCE}}{{EVIDENCE}}{{/HAS_EVIDENCE}}</td>{{#EDIT}}<td data-label="Sửa"><a href="/cham-diem/bo-tieu-chi/{{ID}}/dong?key={{KEY:u}}" aria-label="Sửa tiêu chí {{KEY}}">Sửa</a>{{#MAY_ADD_CHILD}} · <a href="/cham-diem/bo-tieu-chi/{{ID}}/dong?parent={{KEY:u}}" aria-label="Thêm tiêu chí thành phần vào {{KEY}}">Thêm tiêu chí thành phần</a>{{/MAY_ADD_CHILD}} · <a href="/cham-diem/bo-tieu-chi/{{ID}}/dong/xoa?key={{KEY:u}}" aria-label="Xoá tiêu chí {{KEY}}">Xoá</a></td>{{/EDIT}}</tr>{{/ROW}}</tbody>
  </table></div>
</section>
