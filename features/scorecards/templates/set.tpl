{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>{{NAME}}</h1>
  <p class="lead">Phiên bản {{VERSION}} · tối đa {{MAX}} điểm.</p>
  {{#SAMPLE}}<p class="notice" id="sample">Đây là bộ mẫu: tỉnh điều chỉnh nội dung và điểm trước khi dùng.</p>{{/SAMPLE}}
  {{#FROZEN}}<p class="notice" id="frozen">Phiên bản này đã được dùng để đánh giá nên không sửa được; thay đổi sẽ là một phiên bản mới.</p>{{/FROZEN}}
  <p>{{DESCRIPTION}}</p>
  <ul class="plain" id="set-downloads">
    <li><a href="/cham-diem/bo-tieu-chi/{{ID}}/bo-tieu-chi.xlsx">Tải bảng tiêu chí (XLSX) để đọc, in, góp ý</a></li>
    <li><a href="/cham-diem/bo-tieu-chi/{{ID}}/bo-tieu-chi.json">Tải tệp JSON của bộ tiêu chí (để sửa rồi nhập lại thành phiên bản mới qua API)</a></li>
  </ul>
  <h2>Điều kiện công nhận</h2>
  <p id="rule">{{RULE}}</p>
  {{#HAS_DQ}}<p>Không công nhận khi có một trong các trường hợp:</p>
  <ul>{{#DISQUALIFIER}}<li>{{TITLE}}</li>{{/DISQUALIFIER}}</ul>{{/HAS_DQ}}
  <p>Tiêu chí tính từ số liệu chỉ được chấm khi có từ {{MIN_VOLUME}} hồ sơ hoặc lượt đánh giá trở lên trong kỳ.</p>
  <p><a href="/api/v1/scorecards/sets/{{ID}}" download="bo-tieu-chi-{{ID}}.json">Tải bộ tiêu chí (tệp JSON)</a></p>
  <div class="table-wrap" role="region" aria-labelledby="tree-caption" tabindex="0"><table class="stack">
    <caption id="tree-caption">Các tiêu chí và tiêu chí thành phần</caption>
    <thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm tối đa</th><th scope="col">Cách chấm</th><th scope="col">Tài liệu kiểm chứng</th></tr></thead>
    <tbody>{{#ROW}}<tr class="depth-{{DEPTH}}"><th scope="row">{{#GROUP}}<strong>{{KEY}}. {{TITLE}}</strong>{{/GROUP}}{{#LEAF}}{{KEY}}. {{TITLE}}{{#HAS_GUIDANCE}}<br><span class="hint">{{GUIDANCE}}</span>{{/HAS_GUIDANCE}}{{/LEAF}}</th><td class="num" data-label="Điểm tối đa">{{MAX}}</td><td data-label="Cách chấm">{{METHOD}}</td><td data-label="Tài liệu kiểm chứng">{{#HAS_EVIDENCE}}{{EVIDENCE}}{{/HAS_EVIDENCE}}</td></tr>{{/ROW}}</tbody>
  </table></div>
</section>
